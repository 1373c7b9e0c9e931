#include "cicu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
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
};

cicu_word_breaker *cicu_wb_open(const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status) || bi == NULL) return NULL;
    cicu_word_breaker *wb = (cicu_word_breaker *)calloc(1, sizeof(cicu_word_breaker));
    if (wb == NULL) { ubrk_close(bi); *error = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    wb->bi = bi;
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
}

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

int32_t cicu_wb_next_words(cicu_word_breaker *wb, int32_t *starts, int32_t *ends, int32_t capacity) {
    int32_t n = 0;
    while (n < capacity) {
        if (wb->done) {
            n += flush_pending(wb, starts, ends, n);
            break;
        }
        int32_t start = wb->position;
        int32_t end = ubrk_next(wb->bi);
        if (end == UBRK_DONE) {
            wb->done = 1;
            wb->position = wb->length;
            continue;
        }
        wb->position = end;
        int32_t status = ubrk_getRuleStatus(wb->bi);
        int word = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_IDEO_LIMIT;
        int letter = status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT;
        if (word) {
            if (wb->has_pending && wb->hyphen_end == start) {
                /* "maat" "-" "regelen": one compound word, as its closed spelling is. */
                wb->pending_end = end;
                wb->pending_letter |= letter;
                wb->hyphen_end = -1;
                continue;
            }
            n += flush_pending(wb, starts, ends, n);
            wb->has_pending = 1;
            wb->pending_start = start;
            wb->pending_end = end;
            wb->pending_letter = letter;
            continue;
        }
        if (wb->has_pending && wb->hyphen_end < 0 && start == wb->pending_end && end - start == 1
            && is_word_hyphen(wb->text[start])) {
            wb->hyphen_end = end;
            continue;
        }
        n += flush_pending(wb, starts, ends, n);
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
