#ifndef LIBRARY_VERSIONS_H
#define LIBRARY_VERSIONS_H

// The versions of the extraction libraries sturing is built with, read from their headers only:
// the main `sturing` process names them (provenance, text cache keys, --version) without loading
// the libraries, which only the `sturing-extract` helper links. The helper checks at start that
// the libraries it loads are these versions.

/// poppler's version as three numbers (22, 12, 0: "22.12.0", as poppler_get_version() gives it).
void sturing_built_poppler_version(int *major, int *minor, int *micro);
/// Tesseract's version ("5.3.0"), as TessVersion() gives it.
const char *sturing_built_tesseract_version(void);
/// libxml2's version ("2.9.14").
const char *sturing_built_libxml2_version(void);
/// libzip's version ("1.7.3"), as zip_libzip_version() gives it.
const char *sturing_built_libzip_version(void);

#endif
