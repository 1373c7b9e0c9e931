#include <tesseract/capi.h>
#include <stddef.h>

// The few Leptonica calls used to read images embedded in Word and OpenDocument files for OCR,
// declared here rather than importing Leptonica's whole header (liblept comes with Tesseract).
struct Pix *pixReadMem(const unsigned char *data, size_t size);
int pixReadHeaderMem(const unsigned char *data, size_t size, int *pformat, int *pw, int *ph, int *pbps, int *pspp, int *piscmap);
struct Pix *pixScale(struct Pix *pixs, float scalex, float scaley);
void pixDestroy(struct Pix **ppix);
