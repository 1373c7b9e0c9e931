import CLibraryVersions

/// The versions of the libraries that read PDFs, scans, web pages and Word files, as sturing is
/// built with them. They are read from the libraries' headers, so the main process can name them
/// (provenance, the text cache key, `--version`) without loading the libraries; the
/// `sturing-extract` helper, which does load them, refuses to run with other versions.
public enum ExtractionLibraries {
    /// poppler ("22.12.0").
    public static let poppler: String = {
        var major: Int32 = 0, minor: Int32 = 0, micro: Int32 = 0
        sturing_built_poppler_version(&major, &minor, &micro)
        return "\(major).\(minor).\(micro)"
    }()

    /// Tesseract ("5.3.0").
    public static let tesseract = String(cString: sturing_built_tesseract_version())

    /// libxml2 ("2.9.14").
    public static let libxml2 = String(cString: sturing_built_libxml2_version())

    /// libzip ("1.7.3").
    public static let libzip = String(cString: sturing_built_libzip_version())

    /// The OCR engine's identification in outputs and cache keys: "tesseract 5.3.0, nld, 300 dpi".
    public static var ocrEngine: String { "tesseract \(tesseract), nld, 300 dpi" }
}
