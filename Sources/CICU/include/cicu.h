#ifndef CICU_H
#define CICU_H
// A narrow, opaque wrapper around system ICU (libicu-dev).
//
// Swift cannot import ICU's versioned function macros (ubrk_open -> ubrk_open_72), and a Swift
// module that sees both system ICU headers and Foundation's private ICU fails to compile
// ("'UErrorCode' has different definitions"). So this header uses only <stdint.h> types and the
// .c file is the only place that includes ICU. Error codes are ICU's UErrorCode values:
// <= 0 means success (ICU returns warnings such as U_USING_DEFAULT_WARNING as negative values).
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opaque word-break iterator.
typedef struct cicu_word_breaker cicu_word_breaker;

/// Opens a word-break iterator for `locale` (e.g. "nl"). Returns NULL on failure.
cicu_word_breaker *cicu_wb_open(const char *locale, int32_t *error);
/// Closes an iterator from cicu_wb_open.
void cicu_wb_close(cicu_word_breaker *wb);
/// Points the iterator at `text` (UTF-16, `length` units). The text must outlive the iteration.
void cicu_wb_set_text(cicu_word_breaker *wb, const uint16_t *text, int32_t length, int32_t *error);
/// Fills up to `capacity` word tokens (rule status 200..499: letters, kana, ideographs) from the
/// current position on: their start and end offsets in UTF-16 units. Word segments joined by a
/// single hyphen (U+002D, U+2010, U+2011) with no space are one token ("maat-regelen",
/// "HH2-klanten"), kept when any segment holds a letter. Returns how many were written; 0 means
/// the text is exhausted. Runs of plain Latin text are segmented by a fast path that gives ICU's
/// boundaries (see cicu_wb_check_fast_path); every other run by ICU's iterator.
int32_t cicu_wb_next_words(cicu_word_breaker *wb, int32_t *starts, int32_t *ends, int32_t capacity);

/// Turns the fast path for simple Latin text on (the default) or off (ICU's iterator throughout).
void cicu_wb_set_fast(cicu_word_breaker *wb, int32_t on);
/// Checks the fast path against ICU's iterator: every fast-path character alone and in three-
/// character contexts, and every string of up to five representative characters. Returns how many
/// strings were checked, or -2 - checked after the first string whose words differ (written,
/// NUL-terminated, into `failure`); -1 when ICU cannot open.
int64_t cicu_wb_check_fast_path(uint16_t *failure, int32_t failure_capacity, int32_t *error);

/// Lowercases UTF-16 text with the rules of `locale`. Returns the length needed (may exceed capacity).
int32_t cicu_to_lower(uint16_t *dst, int32_t capacity, const uint16_t *src, int32_t length,
                      const char *locale, int32_t *error);
/// NFKC-normalises UTF-16 text. Returns the length needed (may exceed capacity).
int32_t cicu_nfkc(uint16_t *dst, int32_t capacity, const uint16_t *src, int32_t length, int32_t *error);
/// Sets bit c of `bits` (1,024 words) for each BMP code point c that leaves any text it is in
/// NFKC: NFKC quick check "yes" and combining class 0. Text made only of these is NFKC.
void cicu_nfkc_stable_bmp(uint64_t *bits);
/// 1 when the text is certainly already NFKC (quick check), else 0.
int32_t cicu_is_nfkc(const uint16_t *src, int32_t length, int32_t *error);

/// Converts UTF-8 to UTF-16, replacing invalid sequences with U+FFFD. Returns the length needed.
int32_t cicu_utf8_to_utf16(uint16_t *dst, int32_t capacity, const char *src, int32_t length, int32_t *error);
/// Converts bytes in the named charset to UTF-16. Returns the length needed (may exceed capacity).
int32_t cicu_convert_to_utf16(const char *charset, uint16_t *dst, int32_t capacity,
                              const char *src, int32_t length, int32_t *error);
/// Like `cicu_convert_to_utf16`, but a byte sequence that is not valid in the charset (or has no
/// Unicode mapping) stops the conversion with an error (U_INVALID_CHAR_FOUND, U_ILLEGAL_CHAR_FOUND).
int32_t cicu_convert_to_utf16_strict(const char *charset, uint16_t *dst, int32_t capacity,
                                     const char *src, int32_t length, int32_t *error);

/// Detects the charset of `bytes`. Writes its ICU name into `name` (NUL-terminated) and returns the
/// confidence 0..100, or -1 when nothing was detected.
int32_t cicu_detect_charset(const char *bytes, int32_t length, char *name, int32_t name_capacity,
                            int32_t *error);

/// Writes ICU's version (e.g. "72.1") into `buffer`.
void cicu_version(char *buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif
/// ICU's own word breaking over `text` (a fresh iterator, `ubrk_next` and the rule status per
/// boundary, nothing else): the floor a tokenizer is measured against. Returns the letter words.
int64_t cicu_word_break_floor(const uint16_t *text, int32_t length, int32_t *error);

#endif
