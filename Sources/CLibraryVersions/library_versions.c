#include "library_versions.h"
#include <poppler/glib/poppler-features.h>
#include <tesseract/version.h>
#include <libxml/xmlversion.h>
#include <zipconf.h>

void sturing_built_poppler_version(int *major, int *minor, int *micro) {
    *major = POPPLER_MAJOR_VERSION;
    *minor = POPPLER_MINOR_VERSION;
    *micro = POPPLER_MICRO_VERSION;
}

const char *sturing_built_tesseract_version(void) { return TESSERACT_VERSION_STR; }
const char *sturing_built_libxml2_version(void) { return LIBXML_DOTTED_VERSION; }
const char *sturing_built_libzip_version(void) { return LIBZIP_VERSION; }
