#ifndef CDOCTEXT_H
#define CDOCTEXT_H
#include <stddef.h>
#include <stdint.h>

// Plain-text extraction from HTML pages (libxml2's HTML parser), Word / OpenDocument files
// (libzip + libxml2), XML documents (as events) and Markdown (cmark), behind an opaque header: libxml2's headers pull in ICU's, which clash with
// Foundation's private ICU in Swift (see Sources/CICU/include/cicu.h), so Swift sees only these
// functions.

/// Errors (also the value of *error).
enum {
    CDOC_OK = 0,
    CDOC_NOT_PARSABLE = 1,   ///< not HTML / not a zip / malformed XML
    CDOC_ENCRYPTED = 2,      ///< a password-protected zip entry
    CDOC_MISSING_PART = 3,   ///< the zip lacks word/document.xml or content.xml
    CDOC_TOO_LARGE = 4,      ///< an entry would unpack past the limit (a zip bomb)
    CDOC_NO_MEMORY = 5,
    CDOC_ENTITY_BOMB = 6     ///< XML entities that expand past the budget, or nest too deep
};

/// The text of an HTML page given as UTF-8 (a declared charset is ignored: the caller decodes):
/// entities decoded; script, style, nav, header, footer, aside, form controls (input, button,
/// select, textarea, label...), hidden elements (the `hidden` attribute, display:none,
/// visibility:hidden) and the like dropped, a form's other content kept; only main (or the
/// articles) when the page has them; block elements end lines; any nesting depth. Returns a
/// malloc'd UTF-8 string (free it), or NULL with *error set.
char *cdoc_html_text(const char *bytes, size_t length, int *error);

/// The body text of a .docx (`odt` = 0: word/document.xml and footnotes, without deleted tracked
/// changes, field codes, headers and footers) or an .odt (`odt` = 1: content.xml, without tracked
/// deletions). No zip entry is unpacked past `limit` bytes; entity references expand to at most
/// 1 MB more than the part (CDOC_ENTITY_BOMB). When `images` is not NULL it receives the zip entry
/// names of the images in the body, in order, one per line (malloc'd; NULL when none). Malloc'd
/// UTF-8, or NULL with *error.
char *cdoc_office_text(const unsigned char *bytes, size_t length, int odt, size_t limit, char **images, int *error);

/// The bytes of one zip entry (at most `limit`), malloc'd with its size, or NULL with *error.
unsigned char *cdoc_zip_entry(const unsigned char *bytes, size_t length, const char *name, size_t limit, size_t *size, int *error);

/// An XML document as a malloc'd list of events (`*out_length` bytes): 'S' name NUL (an element
/// starts; its local name), then per attribute 'A' name NUL value NUL, 'T' text NUL (character
/// data, entity references expanded within a 1 MB budget beyond the document's size), 'E' (the
/// element ends). No network, no external entities; any nesting depth. NULL with *error
/// (CDOC_NOT_PARSABLE, CDOC_ENTITY_BOMB, CDOC_NO_MEMORY).
char *cdoc_xml_events(const char *bytes, size_t length, size_t *out_length, int *error);

/// The text of a Markdown document (CommonMark, by cmark): paragraphs, headings, list items and
/// quotes end lines; link text is kept, link and image addresses, images, autolinks, bare web
/// addresses, code blocks, HTML and YAML front matter are left out. Malloc'd UTF-8, or NULL.
char *cdoc_markdown_text(const char *bytes, size_t length, int *error);

/// The version of the libzip library loaded ("1.7.3").
const char *cdoc_libzip_version(void);

#endif
