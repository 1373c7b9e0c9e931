#ifndef CDOCTEXT_H
#define CDOCTEXT_H
#include <stddef.h>
#include <stdint.h>

// Plain-text extraction from HTML pages (libxml2's HTML parser) and Word / OpenDocument files
// (libzip + libxml2), behind an opaque header: libxml2's headers pull in ICU's, which clash with
// Foundation's private ICU in Swift (see Sources/CICU/include/cicu.h), so Swift sees only these
// functions.

/// Errors (also the value of *error).
enum {
    CDOC_OK = 0,
    CDOC_NOT_PARSABLE = 1,   ///< not HTML / not a zip / malformed XML
    CDOC_ENCRYPTED = 2,      ///< a password-protected zip entry
    CDOC_MISSING_PART = 3,   ///< the zip lacks word/document.xml or content.xml
    CDOC_TOO_LARGE = 4,      ///< an entry would unpack past the limit (a zip bomb)
    CDOC_NO_MEMORY = 5
};

/// The text of an HTML page: entities and declared charset decoded; script, style, nav, header,
/// footer, aside, form (and the like) dropped; only main (or the articles) when the page has them;
/// block elements end lines. Returns a malloc'd UTF-8 string (free it), or NULL with *error set.
char *cdoc_html_text(const char *bytes, size_t length, int *error);

/// The body text of a .docx (`odt` = 0: word/document.xml and footnotes, without deleted tracked
/// changes, field codes, headers and footers) or an .odt (`odt` = 1: content.xml, without tracked
/// deletions). No zip entry is unpacked past `limit` bytes. Malloc'd UTF-8, or NULL with *error.
char *cdoc_office_text(const unsigned char *bytes, size_t length, int odt, size_t limit, int *error);

/// The version of the libzip library loaded ("1.7.3").
const char *cdoc_libzip_version(void);

#endif
