#include "cicu.h"
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/uversion.h>

struct cicu_word_breaker {
    UBreakIterator *bi;
    const uint16_t *text;
    int32_t position;
    int32_t length;
    int32_t done;
    /* The word being built: segments joined by single hyphens ("maat-regelen", "HH2-klanten"). */
    int32_t has_pending;
    int32_t pending_start;
    int32_t pending_end;
    int32_t pending_letter;
    int32_t hyphen_end; /* end of a hyphen that follows the pending word, or -1 */
    /* The fast path (see fast_class): where the current run of simple text ends, where a run
       handed to ICU's own iteration ends (-1: none), and whether the fast path is on. */
    int32_t simple_end;
    int32_t icu_end;
    int32_t fast;
};

/* The fast path's character classes, filled once (see fast_class). */
static pthread_once_t fast_classes_once = PTHREAD_ONCE_INIT;
static void fill_fast_classes(void);

cicu_word_breaker *cicu_wb_open(const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status) || bi == NULL) return NULL;
    cicu_word_breaker *wb = (cicu_word_breaker *)calloc(1, sizeof(cicu_word_breaker));
    if (wb == NULL) { ubrk_close(bi); *error = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    wb->bi = bi;
    wb->fast = 1;
    pthread_once(&fast_classes_once, fill_fast_classes);
    return wb;
}

void cicu_wb_close(cicu_word_breaker *wb) {
    if (wb == NULL) return;
    ubrk_close(wb->bi);
    free(wb);
}

void cicu_wb_set_text(cicu_word_breaker *wb, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(wb->bi, (const UChar *)text, length, &status);
    *error = (int32_t)status;
    wb->text = text;
    wb->position = 0;
    wb->length = length;
    wb->done = 0;
    wb->has_pending = 0;
    wb->hyphen_end = -1;
    wb->simple_end = 0;
    wb->icu_end = -1;
}

void cicu_wb_set_fast(cicu_word_breaker *wb, int32_t on) { wb->fast = on; }

static int is_word_hyphen(uint16_t c) { return c == 0x2D || c == 0x2010 || c == 0x2011; }

/* Emits the pending word when it holds a letter (pure numbers such as "2015-2019" are not words). */
static int flush_pending(cicu_word_breaker *wb, int32_t *starts, int32_t *ends, int32_t n) {
    int emitted = 0;
    if (wb->has_pending && wb->pending_letter) {
        starts[n] = wb->pending_start;
        ends[n] = wb->pending_end;
        emitted = 1;
    }
    wb->has_pending = 0;
    wb->hyphen_end = -1;
    return emitted;
}

/* Feeds one segment (ICU's boundaries and rule status) to the hyphen joiner; returns the words
   written at starts[n]/ends[n] (0 or 1). */
static int feed_segment(cicu_word_breaker *wb, int32_t start, int32_t end, int32_t status,
                        int32_t *starts, int32_t *ends, int32_t n) {
    int word = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_IDEO_LIMIT;
    int letter = status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT;
    if (word) {
        if (wb->has_pending && wb->hyphen_end == start) {
            /* "maat" "-" "regelen": one compound word, as its closed spelling is. */
            wb->pending_end = end;
            wb->pending_letter |= letter;
            wb->hyphen_end = -1;
            return 0;
        }
        int emitted = flush_pending(wb, starts, ends, n);
        wb->has_pending = 1;
        wb->pending_start = start;
        wb->pending_end = end;
        wb->pending_letter = letter;
        return emitted;
    }
    if (wb->has_pending && wb->hyphen_end < 0 && start == wb->pending_end && end - start == 1
        && is_word_hyphen(wb->text[start])) {
        wb->hyphen_end = end;
        return 0;
    }
    return flush_pending(wb, starts, ends, n);
}

/*
 * The fast path. Most of a Dutch plan is Latin letters, digits, spaces and common punctuation; for
 * those characters ICU's word rules (UAX #29 as ICU tailors it) reduce to a few cases, which this
 * scanner applies without the rule machine. A run between whitespace that holds any other
 * character (combining marks, soft hyphens, '@', '_', symbols, other scripts, surrogates)
 * is handed to ICU's own iterator, so the boundaries are ICU's everywhere. The classes are checked
 * against ICU character by character, and the rules on every string of up to five representative
 * characters, by cicu_wb_check_fast_path (run in the tests).
 */
enum { FC_ICU = 0, FC_SPACE, FC_LETTER, FC_DIGIT, FC_MIDNUMLET, FC_MIDNUM, FC_HYPHEN, FC_PUNCT };

/* The fast-path class of a UTF-16 code unit, computed (see fast_class) into this table once. */
static unsigned char fast_classes[65536];
static int compute_fast_class(uint16_t c);
static void fill_fast_classes(void) {
    for (uint32_t c = 0; c < 65536; c++) fast_classes[c] = (unsigned char)compute_fast_class((uint16_t)c);
}

/* The fast-path class of a UTF-16 code unit; FC_ICU sends its run to ICU. */
static inline int fast_class(uint16_t c) { return fast_classes[c]; }

static int compute_fast_class(uint16_t c) {
    if (c < 0x80) {
        static const unsigned char ascii[128] = {
            /* 00-1F: tab, LF, VT, FF (a page break) and CR are whitespace; the other controls are
               Other to ICU's word rules: PDF text from fonts without a Unicode map is full of them
               (about one character in ten of some municipal budgets), and sending each run that
               holds one to ICU made such text half as fast */
            7,7,7,7,7,7,7,7, 7,1,1,1,1,1,7,7, 7,7,7,7,7,7,7,7, 7,7,7,7,7,7,7,7,
            /* 20-2F: space ! " # $ % & apostrophe ( ) * + , - . / */
            1,7,7,7,7,7,7,4, 7,7,7,7,5,6,4,7,
            /* 30-3F: 0-9 : ; < = > ? (ICU does not count the colon a MidLetter) */
            3,3,3,3,3,3,3,3, 3,3,7,5,7,7,7,7,
            /* 40-5F: at sign (to ICU, which joins it like a letter), A-Z [ \ ] ^, underscore (to ICU) */
            0,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2, 2,2,2,7,7,7,7,0,
            /* 60-7F: ` a-z { | } ~, DEL (to ICU) */
            7,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2, 2,2,2,7,7,7,7,0,
        };
        return ascii[c];
    }
    if (c >= 0xC0 && c <= 0x24F) return (c == 0xD7 || c == 0xF7) ? FC_PUNCT : FC_LETTER;
    switch (c) {
    case 0xA0: case 0xA7: case 0xAB: case 0xB0: case 0xBB:              /* nbsp § « ° » */
    case 0x2013: case 0x2014: case 0x201C: case 0x201D: case 0x201E:    /* – — “ ” „ */
    case 0x2022: case 0x2026: case 0x20AC: case 0x2212: case 0x25CF:    /* • … € − ● */
    case 0x2023: case 0x25A0: case 0x25AA: case 0x25E6:                 /* ‣ ■ ▪ ◦ */
    case 0xF076: case 0xF0A7: case 0xF0A8: case 0xF0B7: case 0xF0D8: case 0xF0FC:
        /* the bullets of Word's Symbol and Wingdings fonts, private-use code points in PDF text */
        return FC_PUNCT;
    case 0x2010: case 0x2011:
        return FC_HYPHEN;
    case 0x2018: case 0x2019:
        return FC_MIDNUMLET;
    default:
        return FC_ICU;
    }
}

/* The end of the word segment that starts at `i` (a letter or digit) and its ICU rule status.
   Letters and digits run on (WB5, WB8-10); a full stop or apostrophe between two letters (WB6/7)
   and a full stop, comma, semicolon or apostrophe between two digits (WB11/12) stay inside.
   ICU's status is that of the segment's last character: "12a" is a letter word (200), "a12" a
   number (100). */
static inline int32_t fast_word(const uint16_t *t, int32_t i, int32_t end, int32_t *status) {
    int last = fast_class(t[i]);
    int32_t j = i + 1;
    while (j < end) {
        int c = fast_class(t[j]);
        if (c == FC_LETTER || c == FC_DIGIT) { last = c; j++; continue; }
        if ((c == FC_MIDNUMLET || c == FC_MIDNUM) && j + 1 < end) {
            int z = fast_class(t[j + 1]);
            if ((last == FC_LETTER && c == FC_MIDNUMLET && z == FC_LETTER) || (last == FC_DIGIT && z == FC_DIGIT)) {
                last = z;
                j += 2;
                continue;
            }
        }
        break;
    }
    *status = last == FC_LETTER ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER;
    return j;
}

/* One step of ICU's own iterator, inside a run handed to it. */
static int icu_step(cicu_word_breaker *wb, int32_t *starts, int32_t *ends, int32_t n) {
    int32_t start = wb->position;
    int32_t end = ubrk_next(wb->bi);
    if (end == UBRK_DONE) {
        wb->position = wb->length;
        wb->icu_end = -1;
        return 0;
    }
    wb->position = end;
    if (end >= wb->icu_end) wb->icu_end = -1;
    return feed_segment(wb, start, end, ubrk_getRuleStatus(wb->bi), starts, ends, n);
}

int32_t cicu_wb_next_words(cicu_word_breaker *wb, int32_t *starts, int32_t *ends, int32_t capacity) {
    int32_t n = 0;
    const uint16_t *t = wb->text;
    while (n < capacity) {
        if (wb->done) {
            n += flush_pending(wb, starts, ends, n);
            break;
        }
        int32_t p = wb->position;
        if (p >= wb->length) {
            wb->done = 1;
            continue;
        }
        if (!wb->fast) wb->icu_end = wb->length;
        if (wb->icu_end >= 0) {
            n += icu_step(wb, starts, ends, n);
            continue;
        }
        int c = fast_class(t[p]);
        if (c == FC_SPACE) {
            /* Whitespace is never part of a word: one non-word segment for the run. */
            int32_t q = p + 1;
            while (q < wb->length && fast_class(t[q]) == FC_SPACE) q++;
            wb->position = q;
            n += feed_segment(wb, p, q, 0, starts, ends, n);
            continue;
        }
        if (p >= wb->simple_end) {
            /* A new run up to the next whitespace: simple throughout, or ICU's. */
            int32_t q = p;
            int simple = 1;
            for (;;) {
                while (q < wb->length && fast_classes[t[q]] > FC_SPACE) q++;
                if (q < wb->length && fast_classes[t[q]] == FC_ICU) { simple = 0; q++; continue; }
                break;
            }
            if (!simple) {
                /* p follows whitespace (or starts the text), so ICU has a boundary at p unless a
                   combining mark attaches to that whitespace; then the boundary is just after. */
                if (!ubrk_isBoundary(wb->bi, p)) {
                    int32_t b = ubrk_current(wb->bi);
                    wb->position = b;
                    n += feed_segment(wb, p, b, 0, starts, ends, n);
                }
                wb->icu_end = wb->position < q ? q : -1;
                continue;
            }
            wb->simple_end = q;
        }
        int32_t q = wb->simple_end;
        if (c == FC_LETTER || c == FC_DIGIT) {
            int32_t status;
            int32_t e = fast_word(t, p, q, &status);
            wb->position = e;
            n += feed_segment(wb, p, e, status, starts, ends, n);
        } else if (c == FC_HYPHEN) {
            wb->position = p + 1;
            n += feed_segment(wb, p, p + 1, 0, starts, ends, n);
        } else {
            /* Punctuation never starts a word here: one non-word segment up to a letter, digit or hyphen. */
            int32_t e = p + 1;
            while (e < q) {
                int k = fast_class(t[e]);
                if (k == FC_LETTER || k == FC_DIGIT || k == FC_HYPHEN) break;
                e++;
            }
            wb->position = e;
            n += feed_segment(wb, p, e, 0, starts, ends, n);
        }
    }
    return n;
}

int32_t cicu_to_lower(uint16_t *dst, int32_t capacity, const uint16_t *src, int32_t length,
                      const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = u_strToLower((UChar *)dst, capacity, (const UChar *)src, length, locale, &status);
    *error = (int32_t)status;
    return n;
}

static const UNormalizer2 *nfkc_instance(UErrorCode *status) {
    return unorm2_getNFKCInstance(status);
}

int32_t cicu_nfkc(uint16_t *dst, int32_t capacity, const uint16_t *src, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = nfkc_instance(&status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return 0; }
    int32_t n = unorm2_normalize(norm, (const UChar *)src, length, (UChar *)dst, capacity, &status);
    *error = (int32_t)status;
    return n;
}

int32_t cicu_is_nfkc(const uint16_t *src, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = nfkc_instance(&status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return 0; }
    UNormalizationCheckResult r = unorm2_quickCheck(norm, (const UChar *)src, length, &status);
    *error = (int32_t)status;
    return (U_SUCCESS(status) && r == UNORM_YES) ? 1 : 0;
}

int32_t cicu_utf8_to_utf16(uint16_t *dst, int32_t capacity, const char *src, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8WithSub((UChar *)dst, capacity, &n, src, length, 0xFFFD, NULL, &status);
    *error = (int32_t)status;
    return n;
}

int32_t cicu_convert_to_utf16(const char *charset, uint16_t *dst, int32_t capacity,
                              const char *src, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return 0; }
    int32_t n = ucnv_toUChars(conv, (UChar *)dst, capacity, src, length, &status);
    ucnv_close(conv);
    *error = (int32_t)status;
    return n;
}

int32_t cicu_convert_to_utf16_strict(const char *charset, uint16_t *dst, int32_t capacity,
                                     const char *src, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return 0; }
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    int32_t n = U_SUCCESS(status) ? ucnv_toUChars(conv, (UChar *)dst, capacity, src, length, &status) : 0;
    ucnv_close(conv);
    *error = (int32_t)status;
    return n;
}

int32_t cicu_detect_charset(const char *bytes, int32_t length, char *name, int32_t name_capacity,
                            int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return -1; }
    ucsdet_setText(det, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(det, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *n = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && n != NULL && name_capacity > 0) {
            strncpy(name, n, (size_t)name_capacity - 1);
            name[name_capacity - 1] = 0;
        }
    }
    ucsdet_close(det);
    *error = (int32_t)status;
    return confidence;
}

void cicu_version(char *buffer, int32_t capacity) {
    UVersionInfo v;
    u_getVersion(v);
    char tmp[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(v, tmp);
    strncpy(buffer, tmp, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
}

int64_t cicu_word_break_floor(const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "nl", (const UChar *)text, length, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status) || bi == NULL) return -1;
    int64_t words = 0;
    while (ubrk_next(bi) != UBRK_DONE) {
        int32_t s = ubrk_getRuleStatus(bi);
        if (s >= UBRK_WORD_LETTER && s < UBRK_WORD_IDEO_LIMIT) words++;
    }
    ubrk_close(bi);
    return words;
}

/* The words of `text` by one breaker, as (start, end) pairs; returns how many (at most cap). */
static int32_t words_of(cicu_word_breaker *wb, const uint16_t *text, int32_t length, int32_t *out, int32_t cap) {
    int32_t err = 0, n = 0;
    int32_t s[64], e[64];
    cicu_wb_set_text(wb, text, length, &err);
    if (err > 0) return -1;
    int32_t k;
    while ((k = cicu_wb_next_words(wb, s, e, 64)) > 0) {
        for (int32_t i = 0; i < k && n < cap; i++) { out[2 * n] = s[i]; out[2 * n + 1] = e[i]; n++; }
    }
    return n;
}

/* 1 when both breakers give the same words for `text`; otherwise writes the text into `failure`. */
static int same_words(cicu_word_breaker *fast, cicu_word_breaker *icu, const uint16_t *text, int32_t length,
                      uint16_t *failure, int32_t failure_capacity) {
    int32_t a[64], b[64];
    int32_t na = words_of(fast, text, length, a, 32), nb = words_of(icu, text, length, b, 32);
    if (na == nb && memcmp(a, b, sizeof(int32_t) * 2 * (size_t)(na < 0 ? 0 : na)) == 0) return 1;
    for (int32_t i = 0; i < length && i < failure_capacity - 1; i++) failure[i] = text[i];
    failure[length < failure_capacity - 1 ? length : failure_capacity - 1] = 0;
    return 0;
}

int64_t cicu_wb_check_fast_path(uint16_t *failure, int32_t failure_capacity, int32_t *error) {
    int32_t err = 0;
    cicu_word_breaker *fast = cicu_wb_open("nl", &err), *icu = cicu_wb_open("nl", &err);
    *error = err;
    if (fast == NULL || icu == NULL) { cicu_wb_close(fast); cicu_wb_close(icu); return -1; }
    icu->fast = 0;
    int64_t checked = 0;
    uint16_t t[8];
    /* Every fast-path character, alone and between representatives of each class. */
    static const uint16_t context[] = { 'a', 0xE9, '1', '.', 0x2019, '\'', ',', '-', 0x2010, ' ', '(', ':', 0x301 };
    const int nc = (int)(sizeof(context) / sizeof(context[0]));
    for (uint32_t c = 0; c < 0x10000; c++) {
        if (fast_class((uint16_t)c) == FC_ICU) continue;
        for (int x = -1; x < nc; x++) {
            for (int y = -1; y < nc; y++) {
                for (int z = -1; z < nc; z++) {
                    for (int place = 0; place < 3; place++) {
                        int32_t len = 0;
                        int at[3] = { x, y, z };
                        for (int k = 0; k < 3; k++) {
                            if (k == place) t[len++] = (uint16_t)c;
                            if (at[k] >= 0) t[len++] = context[at[k]];
                        }
                        checked++;
                        if (!same_words(fast, icu, t, len, failure, failure_capacity)) goto done_fail;
                    }
                }
            }
        }
    }
    /* Every string of up to five representatives: the rules, not the classes. */
    static const uint16_t reps[] = { 'a', 0xE9, '1', '.', 0x2019, '\'', ',', ';', '-', 0x2011, ' ', '\n', '(', ':', '_', 0x301 };
    const int nr = (int)(sizeof(reps) / sizeof(reps[0]));
    for (int32_t len = 1; len <= 5; len++) {
        int idx[5] = { 0, 0, 0, 0, 0 };
        for (;;) {
            for (int32_t k = 0; k < len; k++) t[k] = reps[idx[k]];
            checked++;
            if (!same_words(fast, icu, t, len, failure, failure_capacity)) goto done_fail;
            int32_t k = 0;
            while (k < len && ++idx[k] == nr) { idx[k] = 0; k++; }
            if (k == len) break;
        }
    }
    cicu_wb_close(fast);
    cicu_wb_close(icu);
    return checked;
done_fail:
    cicu_wb_close(fast);
    cicu_wb_close(icu);
    return -2 - checked;
}

void cicu_nfkc_stable_bmp(uint64_t *bits) {
    memset(bits, 0, 1024 * sizeof(uint64_t));
    for (UChar32 c = 0; c < 0x10000; c++) {
        if (c >= 0xD800 && c < 0xE000) continue;
        if (u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0)
            bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
}
