import CDocText
import CPoppler
import CTesseract
import SturingIngest

/// The versions of the extraction libraries this process has loaded, against those sturing was
/// built with (`ExtractionLibraries`, which provenance and the text cache name).
public enum LoadedLibraries {
    /// poppler's version as loaded ("22.12.0").
    public static var poppler: String { poppler_get_version().map { String(cString: $0) } ?? "unknown" }

    /// Tesseract's version as loaded ("5.3.0").
    public static var tesseract: String { TessVersion().map { String(cString: $0) } ?? "unknown" }

    /// libzip's version as loaded ("1.7.3").
    public static var libzip: String { String(cString: cdoc_libzip_version()) }

    /// What differs from the build, with what to do; nil when all match.
    public static var mismatch: String? {
        let pairs = [("poppler", ExtractionLibraries.poppler, poppler), ("Tesseract", ExtractionLibraries.tesseract, tesseract),
                     ("libzip", ExtractionLibraries.libzip, libzip)]
        let differing = pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) but loads \($0.2)" }
        guard !differing.isEmpty else { return nil }
        return "sturing was built with " + differing.joined(separator: ", ")
            + ", so its outputs would name the wrong versions: rebuild sturing (make release, then make install)"
    }
}
