#include "cdoctext.h"
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>
#include <zip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    char *data;
    size_t length, capacity;
    int failed;
} buffer;

static void put(buffer *b, const char *s, size_t n) {
    if (b->failed || n == 0) return;
    if (b->length + n + 1 > b->capacity) {
        size_t cap = b->capacity ? b->capacity * 2 : 4096;
        while (cap < b->length + n + 1) cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) { b->failed = 1; return; }
        b->data = d;
        b->capacity = cap;
    }
    memcpy(b->data + b->length, s, n);
    b->length += n;
    b->data[b->length] = 0;
}

static void newline(buffer *b) {
    if (b->length > 0 && b->data[b->length - 1] != '\n') put(b, "\n", 1);
}

static int in_list(const char *name, const char *const *list) {
    for (; *list; list++) if (strcasecmp(name, *list) == 0) return 1;
    return 0;
}

static char *finish(buffer *b, int *error) {
    if (b->failed) { free(b->data); *error = CDOC_NO_MEMORY; return NULL; }
    if (!b->data) { b->data = malloc(1); if (!b->data) { *error = CDOC_NO_MEMORY; return NULL; } b->data[0] = 0; }
    *error = CDOC_OK;
    return b->data;
}

/* ---------- HTML ---------- */

static const char *const html_dropped[] = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
                                           "svg", "button", "select", "iframe", "object", "head", "title", NULL};
static const char *const html_blocks[] = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2",
                                          "h3", "h4", "h5", "h6", "br", "tr", "table", "blockquote", "pre", "figcaption", "caption",
                                          "hr", "td", "th", "address", NULL};

static void html_find(xmlNodePtr node, const char *tag, xmlNodePtr *found, int *count, int max) {
    for (xmlNodePtr c = node->children; c && *count < max; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)c->name;
        if (strcasecmp(name, tag) == 0) { found[(*count)++] = c; continue; }
        if (!in_list(name, html_dropped)) html_find(c, tag, found, count, max);
    }
}

static void html_collect(xmlNodePtr node, buffer *b) {
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) put(b, (const char *)c->content, strlen((const char *)c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)c->name;
            if (in_list(name, html_dropped)) continue;
            int block = in_list(name, html_blocks);
            if (block) newline(b);
            html_collect(c, b);
            if (block) newline(b);
        }
    }
}

char *cdoc_html_text(const char *bytes, size_t length, int *error) {
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(bytes, (int)length, "page.html", NULL, options);
    if (!doc) { *error = CDOC_NOT_PARSABLE; return NULL; }
    buffer b = {0};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root) {
        xmlNodePtr found[256];
        int count = 0;
        html_find(root, "main", found, &count, 256);
        if (count == 0) html_find(root, "article", found, &count, 256);
        if (count == 0) html_collect(root, &b);
        for (int i = 0; i < count; i++) { html_collect(found[i], &b); newline(&b); }
    }
    xmlFreeDoc(doc);
    return finish(&b, error);
}

/* ---------- Word and OpenDocument ---------- */

static void docx_collect(xmlNodePtr node, buffer *b) {
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)c->name;
        if (strcmp(name, "del") == 0 || strcmp(name, "delText") == 0 || strcmp(name, "instrText") == 0
            || strcmp(name, "moveFrom") == 0 || strcmp(name, "footnoteReference") == 0) continue;
        if (strcmp(name, "t") == 0) {
            xmlChar *text = xmlNodeGetContent(c);
            if (text) { put(b, (const char *)text, strlen((const char *)text)); xmlFree(text); }
            continue;
        }
        if (strcmp(name, "tab") == 0) { put(b, "\t", 1); continue; }
        if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) { put(b, "\n", 1); continue; }
        if (strcmp(name, "noBreakHyphen") == 0) { put(b, "-", 1); continue; }
        if (strcmp(name, "softHyphen") == 0) continue;
        docx_collect(c, b);
        if (strcmp(name, "p") == 0) put(b, "\n", 1);
        if (strcmp(name, "tc") == 0) newline(b);
    }
}

static void odt_collect(xmlNodePtr node, buffer *b) {
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            if (c->content) put(b, (const char *)c->content, strlen((const char *)c->content));
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)c->name;
        if (strcmp(name, "tracked-changes") == 0 || strcmp(name, "note-citation") == 0 || strcmp(name, "deletion") == 0) continue;
        if (strcmp(name, "s") == 0) {
            xmlChar *count = xmlGetProp(c, (const xmlChar *)"c");
            int n = count ? atoi((const char *)count) : 1;
            if (count) xmlFree(count);
            for (int i = 0; i < (n > 0 && n < 1000 ? n : 1); i++) put(b, " ", 1);
            continue;
        }
        if (strcmp(name, "tab") == 0) { put(b, "\t", 1); continue; }
        if (strcmp(name, "line-break") == 0) { put(b, "\n", 1); continue; }
        if (strcmp(name, "soft-page-break") == 0) continue;
        odt_collect(c, b);
        if (strcmp(name, "p") == 0 || strcmp(name, "h") == 0) put(b, "\n", 1);
    }
}

/* Reads one zip entry into a malloc'd buffer, refusing more than `limit` bytes. */
static char *zip_entry(zip_t *za, const char *name, size_t limit, size_t *size, int *error) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(za, name, 0, &st) != 0) { *error = CDOC_MISSING_PART; return NULL; }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) { *error = CDOC_ENCRYPTED; return NULL; }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limit) { *error = CDOC_TOO_LARGE; return NULL; }
    zip_file_t *f = zip_fopen(za, name, 0);
    if (!f) {
        int ze = zip_error_code_zip(zip_get_error(za));
        *error = (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP) ? CDOC_ENCRYPTED : CDOC_NOT_PARSABLE;
        return NULL;
    }
    size_t cap = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size + 1 : 65536, len = 0;
    if (cap > limit + 1) cap = limit + 1;
    char *data = malloc(cap);
    if (!data) { zip_fclose(f); *error = CDOC_NO_MEMORY; return NULL; }
    for (;;) {
        if (len == cap) {
            if (cap > limit) { free(data); zip_fclose(f); *error = CDOC_TOO_LARGE; return NULL; }
            size_t grown = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *d = realloc(data, grown);
            if (!d) { free(data); zip_fclose(f); *error = CDOC_NO_MEMORY; return NULL; }
            data = d;
            cap = grown;
        }
        zip_int64_t n = zip_fread(f, data + len, cap - len);
        if (n < 0) { free(data); zip_fclose(f); *error = CDOC_NOT_PARSABLE; return NULL; }
        if (n == 0) break;
        len += (size_t)n;
        if (len > limit) { free(data); zip_fclose(f); *error = CDOC_TOO_LARGE; return NULL; }
    }
    zip_fclose(f);
    *size = len;
    *error = CDOC_OK;
    return data;
}

static int xml_part(zip_t *za, const char *name, size_t limit, int odt, buffer *b, int required) {
    size_t size = 0;
    int error = 0;
    char *data = zip_entry(za, name, limit, &size, &error);
    if (!data) return (error == CDOC_MISSING_PART && !required) ? CDOC_OK : error;
    xmlDocPtr doc = xmlReadMemory(data, (int)size, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    free(data);
    if (!doc) return CDOC_NOT_PARSABLE;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root) { if (odt) odt_collect(root, b); else docx_collect(root, b); }
    xmlFreeDoc(doc);
    return CDOC_OK;
}

char *cdoc_office_text(const unsigned char *bytes, size_t length, int odt, size_t limit, int *error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, length, 0, &ze);
    if (!src) { *error = CDOC_NOT_PARSABLE; zip_error_fini(&ze); return NULL; }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!za) { zip_source_free(src); zip_error_fini(&ze); *error = CDOC_NOT_PARSABLE; return NULL; }
    zip_error_fini(&ze);
    buffer b = {0};
    int e;
    if (odt) {
        e = xml_part(za, "content.xml", limit, 1, &b, 1);
    } else {
        e = xml_part(za, "word/document.xml", limit, 0, &b, 1);
        if (e == CDOC_OK) { newline(&b); e = xml_part(za, "word/footnotes.xml", limit, 0, &b, 0); }
    }
    zip_close(za);
    if (e != CDOC_OK) { free(b.data); *error = e; return NULL; }
    return finish(&b, error);
}

const char *cdoc_libzip_version(void) { return zip_libzip_version(); }
