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
#include <ctype.h>
#include <pthread.h>
#include <cmark.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

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

/* ---------- Walking a libxml2 tree without recursion ---------- */

/* libxml2 prints some errors (encoding, I/O) to standard error whatever the parse options say;
   this library reports its own errors, so they are silenced once per process. */
static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void quiet_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
static pthread_once_t quiet_once = PTHREAD_ONCE_INIT;
static void set_quiet(void) {
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
    /* Deep nesting is kept (the walks below need no stack); XML_PARSE_HUGE is not used for XML, so
       libxml2's own checks against entity amplification stay on. */
    xmlParserMaxDepth = 1u << 22;
}
static void init_libxml(void) { pthread_once(&quiet_once, set_quiet); }

typedef struct walker walker;
struct walker {
    buffer *out;
    /* Returns 1 to visit the node's children (then `leave` is called after them), 0 to skip it. */
    int (*enter)(walker *w, xmlNodePtr node);
    void (*leave)(walker *w, xmlNodePtr node);
    /* Bytes that entity references may still add (an entity-expansion bomb stops here). */
    size_t entity_budget;
    int failed;  /* CDOC_ENTITY_BOMB once the budget is spent or entities nest too deep */
    int depth;   /* nesting of entity expansions */
    int state[4];
    void *extra;
};

static void walk(walker *w, xmlNodePtr root);

/* The text of an entity reference, within the walker's budget. */
static void expand_entity(walker *w, xmlNodePtr ref) {
    xmlEntityPtr ent = (xmlEntityPtr)ref->children;
    if (!ent || ent->type != XML_ENTITY_DECL) return;
    if (w->depth >= 40) { w->failed = CDOC_ENTITY_BOMB; return; }
    size_t before = w->out->length;
    w->depth++;
    if (ent->children) walk(w, (xmlNodePtr)ent);
    else if (ent->content && !strchr((const char *)ent->content, '&') && !strchr((const char *)ent->content, '<'))
        put(w->out, (const char *)ent->content, strlen((const char *)ent->content));
    w->depth--;
    size_t added = w->out->length - before;
    if (added > w->entity_budget) { w->failed = CDOC_ENTITY_BOMB; return; }
    w->entity_budget -= added;
}

/* Visits the descendants of `root` in document order with an explicit path (the parent links),
   so a document nested a million levels deep costs no stack. Entity references are expanded by
   `expand_entity` (their content hangs below the entity, not below the reference). */
static void walk(walker *w, xmlNodePtr root) {
    xmlNodePtr n = root->children;
    while (n && !w->failed && !w->out->failed) {
        int descend = 0;
        if (n->type == XML_ENTITY_REF_NODE) {
            if (w->enter(w, n)) expand_entity(w, n);
        } else if (w->enter(w, n)) {
            if (n->type == XML_ELEMENT_NODE && n->children) descend = 1;
            else w->leave(w, n);
        }
        if (descend) { n = n->children; continue; }
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n && n != root) w->leave(w, n);
        }
        if (!n || n == root) break;
        n = n->next;
    }
}

static void no_leave(walker *w, xmlNodePtr node) { (void)w; (void)node; }

static void put_text_node(walker *w, xmlNodePtr n) {
    if (n->content) put(w->out, (const char *)n->content, strlen((const char *)n->content));
}

/* ---------- HTML ---------- */

static const char *const html_dropped[] = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template",
                                           "svg", "iframe", "object", "head", "title",
                                           /* form controls (a form's own content is kept: ASP.NET pages wrap all in one) */
                                           "button", "select", "option", "optgroup", "datalist", "textarea", "input", "label",
                                           "output", "meter", "progress", "dialog", NULL};
static const char *const html_blocks[] = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2",
                                          "h3", "h4", "h5", "h6", "br", "tr", "table", "blockquote", "pre", "figcaption", "caption",
                                          "hr", "td", "th", "address", "form", "fieldset", "legend", "details", "summary", NULL};

/* True when the element is not shown: the hidden attribute, or an inline style with display:none
   or visibility:hidden. */
static int html_hidden(xmlNodePtr node) {
    if (xmlHasProp(node, (const xmlChar *)"hidden")) return 1;
    xmlChar *style = xmlGetProp(node, (const xmlChar *)"style");
    if (!style) return 0;
    char squeezed[256];
    size_t k = 0;
    for (const xmlChar *c = style; *c && k + 1 < sizeof squeezed; c++)
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r') squeezed[k++] = (char)tolower(*c);
    squeezed[k] = 0;
    xmlFree(style);
    return strstr(squeezed, "display:none") != NULL || strstr(squeezed, "visibility:hidden") != NULL;
}

static int html_enter(walker *w, xmlNodePtr n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) { put_text_node(w, n); return 0; }
    if (n->type != XML_ELEMENT_NODE) return 0;
    const char *name = (const char *)n->name;
    if (in_list(name, html_dropped) || html_hidden(n)) return 0;
    if (in_list(name, html_blocks)) newline(w->out);
    return 1;
}

static void html_leave(walker *w, xmlNodePtr n) {
    if (n->type == XML_ELEMENT_NODE && in_list((const char *)n->name, html_blocks)) newline(w->out);
}

/* The `main` elements (or else `article`s) outside dropped parts, in document order. */
typedef struct { const char *tag; xmlNodePtr *found; int count, max; } finder;
static int find_enter(walker *w, xmlNodePtr n) {
    finder *f = w->extra;
    if (n->type != XML_ELEMENT_NODE || f->count >= f->max) return 0;
    const char *name = (const char *)n->name;
    if (strcasecmp(name, f->tag) == 0) { f->found[f->count++] = n; return 0; }
    return !in_list(name, html_dropped) && !html_hidden(n);
}

char *cdoc_html_text(const char *bytes, size_t length, int *error) {
    init_libxml();
    /* The bytes are UTF-8 (the caller decodes them): a charset a page declares is not trusted. */
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT
                  | XML_PARSE_HUGE;  /* HTML has no entity declarations; HUGE lifts the depth and text-size limits */
    htmlDocPtr doc = htmlReadMemory(bytes, (int)length, "page.html", "UTF-8", options);
    if (!doc) { *error = CDOC_NOT_PARSABLE; return NULL; }
    buffer b = {0};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root) {
        xmlNodePtr found[256];
        finder f = {"main", found, 0, 256};
        walker w = {.out = &b, .enter = find_enter, .leave = no_leave, .entity_budget = 0, .extra = &f};
        if (strcasecmp((const char *)root->name, "main") != 0) walk(&w, root);
        if (f.count == 0) { f.tag = "article"; walk(&w, root); }
        walker text = {.out = &b, .enter = html_enter, .leave = html_leave};
        if (f.count == 0) { html_enter(&text, root); walk(&text, root); }
        for (int i = 0; i < f.count; i++) { walk(&text, found[i]); newline(&b); }
    }
    xmlFreeDoc(doc);
    return finish(&b, error);
}

/* ---------- Word and OpenDocument ---------- */

/* Images met in the text, in order: DOCX relationship ids, or ODT picture paths. */
typedef struct { buffer names; int count; } image_list;

static void note_image(walker *w, xmlNodePtr n, const char *attribute, const char *ns_prefix) {
    image_list *images = w->extra;
    if (!images) return;
    xmlChar *v = NULL;
    for (xmlAttrPtr a = n->properties; a && !v; a = a->next) {
        if (strcmp((const char *)a->name, attribute) != 0) continue;
        if (ns_prefix && !(a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, ns_prefix) == 0)) continue;
        v = xmlNodeListGetString(n->doc, a->children, 1);
    }
    if (!v) return;
    if (images->names.length > 0) put(&images->names, "\n", 1);
    put(&images->names, (const char *)v, strlen((const char *)v));
    images->count++;
    xmlFree(v);
}

/* state[0]: inside a w:t element (its text counts). */
static int docx_enter(walker *w, xmlNodePtr c) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE || c->type == XML_ENTITY_REF_NODE) {
        if (w->state[0] > 0 && c->type != XML_ENTITY_REF_NODE) put_text_node(w, c);
        return w->state[0] > 0;  /* an entity reference is expanded only inside w:t */
    }
    if (c->type != XML_ELEMENT_NODE) return 0;
    const char *name = (const char *)c->name;
    if (strcmp(name, "del") == 0 || strcmp(name, "delText") == 0 || strcmp(name, "instrText") == 0
        || strcmp(name, "moveFrom") == 0 || strcmp(name, "footnoteReference") == 0) return 0;
    if (strcmp(name, "t") == 0) { w->state[0]++; return 1; }
    if (strcmp(name, "tab") == 0) { put(w->out, "\t", 1); return 0; }
    if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) { put(w->out, "\n", 1); return 0; }
    if (strcmp(name, "noBreakHyphen") == 0) { put(w->out, "-", 1); return 0; }
    if (strcmp(name, "softHyphen") == 0) return 0;
    if (strcmp(name, "blip") == 0) { note_image(w, c, "embed", NULL); return 0; }
    if (strcmp(name, "imagedata") == 0) { note_image(w, c, "id", "r"); return 0; }
    return 1;
}

static void docx_leave(walker *w, xmlNodePtr c) {
    if (c->type != XML_ELEMENT_NODE) return;
    const char *name = (const char *)c->name;
    if (strcmp(name, "t") == 0) w->state[0]--;
    else if (strcmp(name, "p") == 0) put(w->out, "\n", 1);
    else if (strcmp(name, "tc") == 0) newline(w->out);
}

static int odt_enter(walker *w, xmlNodePtr c) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) { put_text_node(w, c); return 0; }
    if (c->type == XML_ENTITY_REF_NODE) return 1;
    if (c->type != XML_ELEMENT_NODE) return 0;
    const char *name = (const char *)c->name;
    if (strcmp(name, "tracked-changes") == 0 || strcmp(name, "note-citation") == 0 || strcmp(name, "deletion") == 0) return 0;
    if (strcmp(name, "s") == 0) {
        xmlChar *count = xmlGetProp(c, (const xmlChar *)"c");
        int n = count ? atoi((const char *)count) : 1;
        if (count) xmlFree(count);
        for (int i = 0; i < (n > 0 && n < 1000 ? n : 1); i++) put(w->out, " ", 1);
        return 0;
    }
    if (strcmp(name, "tab") == 0) { put(w->out, "\t", 1); return 0; }
    if (strcmp(name, "line-break") == 0) { put(w->out, "\n", 1); return 0; }
    if (strcmp(name, "soft-page-break") == 0) return 0;
    if (strcmp(name, "image") == 0) { note_image(w, c, "href", NULL); return 0; }
    return 1;
}

static void odt_leave(walker *w, xmlNodePtr c) {
    if (c->type != XML_ELEMENT_NODE) return;
    const char *name = (const char *)c->name;
    if (strcmp(name, "p") == 0 || strcmp(name, "h") == 0) put(w->out, "\n", 1);
}

/* Parses XML with libxml2 safely: no network, entities not substituted (they are expanded by the
   walks, within a budget), libxml2's amplification checks on. */
static xmlDocPtr parse_xml(const char *data, size_t size, const char *name, int *error) {
    init_libxml();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) { *error = CDOC_NO_MEMORY; return NULL; }
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)size, name, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    if (!doc) {
        int code = ctxt->lastError.code;
        *error = (code == XML_ERR_ENTITY_LOOP || code == XML_ERR_ENTITY_BOUNDARY) ? CDOC_ENTITY_BOMB : CDOC_NOT_PARSABLE;
    } else if (!ctxt->wellFormed) {
        xmlFreeDoc(doc);
        doc = NULL;
        *error = CDOC_NOT_PARSABLE;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* Entity references may add this much text, plus the size of the document itself. */
#define ENTITY_BUDGET ((size_t)1 << 20)

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

static int xml_part(zip_t *za, const char *name, size_t limit, int odt, buffer *b, int required, image_list *images) {
    size_t size = 0;
    int error = 0;
    char *data = zip_entry(za, name, limit, &size, &error);
    if (!data) return (error == CDOC_MISSING_PART && !required) ? CDOC_OK : error;
    xmlDocPtr doc = parse_xml(data, size, name, &error);
    free(data);
    if (!doc) return error;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    walker w = {.out = b, .enter = odt ? odt_enter : docx_enter, .leave = odt ? odt_leave : docx_leave,
                .entity_budget = ENTITY_BUDGET + size, .extra = images};
    if (root) { if (w.enter(&w, root)) walk(&w, root); }
    xmlFreeDoc(doc);
    return w.failed ? w.failed : CDOC_OK;
}

/* The zip entry names of DOCX relationship ids ("rId5" → "word/media/image1.png"), from
   word/_rels/document.xml.rels, in the order of `ids` (one per line); unknown ids are left out. */
static void docx_image_targets(zip_t *za, size_t limit, buffer *ids, buffer *out, int *count) {
    size_t size = 0;
    int error = 0;
    char *data = zip_entry(za, "word/_rels/document.xml.rels", limit, &size, &error);
    *count = 0;
    if (!data) return;
    xmlDocPtr doc = parse_xml(data, size, "document.xml.rels", &error);
    free(data);
    if (!doc) return;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char *line = ids->data;
    while (root && line && *line) {
        char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        for (xmlNodePtr r = root->children; r; r = r->next) {
            if (r->type != XML_ELEMENT_NODE) continue;
            xmlChar *id = xmlGetProp(r, (const xmlChar *)"Id");
            int match = id && strlen((const char *)id) == n && strncmp((const char *)id, line, n) == 0;
            if (id) xmlFree(id);
            if (!match) continue;
            xmlChar *target = xmlGetProp(r, (const xmlChar *)"Target");
            xmlChar *mode = xmlGetProp(r, (const xmlChar *)"TargetMode");
            if (target && !(mode && strcmp((const char *)mode, "External") == 0)) {
                if (out->length > 0) put(out, "\n", 1);
                const char *t = (const char *)target;
                if (t[0] == '/') put(out, t + 1, strlen(t) - 1);
                else { put(out, "word/", 5); put(out, t, strlen(t)); }
                (*count)++;
            }
            if (target) xmlFree(target);
            if (mode) xmlFree(mode);
            break;
        }
        line = end ? end + 1 : NULL;
    }
    xmlFreeDoc(doc);
}

/* The zip archive in memory, or NULL with *error. */
static zip_t *open_zip(const unsigned char *bytes, size_t length, int *error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, length, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (src && !za) zip_source_free(src);
    zip_error_fini(&ze);
    if (!za) *error = CDOC_NOT_PARSABLE;
    return za;
}

char *cdoc_office_text(const unsigned char *bytes, size_t length, int odt, size_t limit, char **images, int *error) {
    if (images) *images = NULL;
    zip_t *za = open_zip(bytes, length, error);
    if (!za) return NULL;
    buffer b = {0};
    image_list found = {{0}, 0};
    int e;
    if (odt) {
        e = xml_part(za, "content.xml", limit, 1, &b, 1, &found);
    } else {
        e = xml_part(za, "word/document.xml", limit, 0, &b, 1, &found);
        if (e == CDOC_OK) { newline(&b); e = xml_part(za, "word/footnotes.xml", limit, 0, &b, 0, NULL); }
    }
    if (e == CDOC_OK && images && found.count > 0) {
        if (odt) {
            *images = found.names.data;
            found.names.data = NULL;
        } else {
            buffer targets = {0};
            int n = 0;
            docx_image_targets(za, limit, &found.names, &targets, &n);
            *images = targets.data;
        }
    }
    free(found.names.data);
    zip_close(za);
    if (e != CDOC_OK) { free(b.data); if (images) { free(*images); *images = NULL; } *error = e; return NULL; }
    return finish(&b, error);
}

unsigned char *cdoc_zip_entry(const unsigned char *bytes, size_t length, const char *name, size_t limit, size_t *size, int *error) {
    zip_t *za = open_zip(bytes, length, error);
    if (!za) return NULL;
    char *data = zip_entry(za, name, limit, size, error);
    zip_close(za);
    return (unsigned char *)data;
}

/* ---------- XML documents as events ---------- */

/* A string and its terminating NUL byte. */
static void put_cstr(buffer *b, const char *s) { put(b, s, strlen(s)); put(b, "", 1); }

static int events_enter(walker *w, xmlNodePtr n) {
    buffer *b = w->out;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content && n->content[0]) { put(b, "T", 1); put_cstr(b, (const char *)n->content); }
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE) return 0;
    put(b, "S", 1);
    put_cstr(b, (const char *)n->name);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        put(b, "A", 1);
        put_cstr(b, (const char *)a->name);
        size_t before = b->length;
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        put_cstr(b, v ? (const char *)v : "");
        if (v) xmlFree(v);
        size_t added = b->length - before;
        if (added > w->entity_budget) { w->failed = CDOC_ENTITY_BOMB; return 0; }
    }
    if (!n->children) { put(b, "E", 1); return 0; }
    return 1;
}

static void events_leave(walker *w, xmlNodePtr n) {
    if (n->type == XML_ELEMENT_NODE) put(w->out, "E", 1);
}

/* The text of an entity reference becomes one 'T' event: it is expanded by a walker that writes
   plain text (the event walker would write events). */
static int plain_enter(walker *w, xmlNodePtr n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) { put_text_node(w, n); return 0; }
    return n->type == XML_ELEMENT_NODE || n->type == XML_ENTITY_REF_NODE;
}

static int events_enter_with_entities(walker *w, xmlNodePtr n) {
    if (n->type == XML_ENTITY_REF_NODE) {
        put(w->out, "T", 1);
        walker inner = {.out = w->out, .enter = plain_enter, .leave = no_leave, .entity_budget = w->entity_budget, .depth = w->depth};
        expand_entity(&inner, n);
        put(w->out, "", 1);
        w->entity_budget = inner.entity_budget;
        if (inner.failed) w->failed = inner.failed;
        return 0;
    }
    return events_enter(w, n);
}

char *cdoc_xml_events(const char *bytes, size_t length, size_t *out_length, int *error) {
    xmlDocPtr doc = parse_xml(bytes, length, "document.xml", error);
    if (!doc) return NULL;
    buffer b = {0};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    walker w = {.out = &b, .enter = events_enter_with_entities, .leave = events_leave, .entity_budget = ENTITY_BUDGET + length};
    if (root && w.enter(&w, root)) { walk(&w, root); events_leave(&w, root); }
    xmlFreeDoc(doc);
    if (w.failed) { free(b.data); *error = w.failed; return NULL; }
    *out_length = b.length;
    return finish(&b, error);
}

/* ---------- Markdown ---------- */

/* Appends text with web addresses left out (http://, https://, www. up to the next space). */
static void put_without_urls(buffer *b, const char *s, size_t n) {
    size_t i = 0, start = 0;
    while (i < n) {
        int url = (i + 7 <= n && strncasecmp(s + i, "http://", 7) == 0) || (i + 8 <= n && strncasecmp(s + i, "https://", 8) == 0)
                  || (i + 4 <= n && strncasecmp(s + i, "www.", 4) == 0);
        if (url && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '<' || s[i - 1] == '\n' || s[i - 1] == '\t')) {
            put(b, s + start, i - start);
            while (i < n && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != ')' && s[i] != '>') i++;
            start = i;
            continue;
        }
        i++;
    }
    put(b, s + start, n - start);
}

char *cdoc_markdown_text(const char *bytes, size_t length, int *error) {
    /* YAML front matter ("---" ... "---") is metadata, not text. */
    if (length >= 4 && strncmp(bytes, "---", 3) == 0 && (bytes[3] == '\n' || bytes[3] == '\r')) {
        for (size_t i = 3; i + 4 <= length; i++) {
            if (bytes[i] == '\n' && (strncmp(bytes + i + 1, "---", 3) == 0 || strncmp(bytes + i + 1, "...", 3) == 0)) {
                size_t j = i + 4;
                while (j < length && bytes[j] != '\n') j++;
                bytes += j;
                length -= j;
                break;
            }
        }
    }
    cmark_node *doc = cmark_parse_document(bytes, length, CMARK_OPT_DEFAULT);
    if (!doc) { *error = CDOC_NO_MEMORY; return NULL; }
    buffer b = {0};
    cmark_iter *it = cmark_iter_new(doc);
    int skip = 0;  /* inside an image, or an autolink whose text is its address */
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_IMAGE || type == CMARK_NODE_LINK) {
            int hide = type == CMARK_NODE_IMAGE;
            if (type == CMARK_NODE_LINK) {
                cmark_node *child = cmark_node_first_child(node);
                const char *url = cmark_node_get_url(node);
                const char *text = child && cmark_node_get_type(child) == CMARK_NODE_TEXT ? cmark_node_get_literal(child) : NULL;
                if (url && text && !cmark_node_next(child)) {
                    size_t ul = strlen(url), tl = strlen(text);
                    hide = strcmp(url, text) == 0 || (ul == tl + 7 && strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, text) == 0);
                }
            }
            if (hide) skip += ev == CMARK_EVENT_ENTER ? 1 : -1;
            continue;
        }
        if (skip > 0) continue;
        switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
            const char *t = cmark_node_get_literal(node);
            if (t) put_without_urls(&b, t, strlen(t));
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: put(&b, "\n", 1); break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_THEMATIC_BREAK:
            newline(&b);
            if (ev == CMARK_EVENT_EXIT && (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING)) put(&b, "\n", 1);
            break;
        default: break;  /* code blocks and HTML are not text of the plan */
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return finish(&b, error);
}

const char *cdoc_libzip_version(void) { return zip_libzip_version(); }
