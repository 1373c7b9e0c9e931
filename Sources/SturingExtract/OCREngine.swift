import CPoppler
import CTesseract
import Foundation
import SturingCore
import SturingIngest

/// Reads the text of PDF pages that have no text layer (scans) with Tesseract, rendering each
/// page with poppler and cairo at `dpi` in memory (no image files, no subprocess). One engine per
/// process or thread: Tesseract's own threading is turned off (OMP_THREAD_LIMIT=1, which costs a
/// factor of six in system time otherwise), so pages of different files run in parallel across
/// --jobs instead. The LSTM engine only (the legacy one adds time and little for print).
public final class OCREngine {
    /// The language data ("nld").
    public let language: String
    /// Render resolution.
    public let dpi: Int
    private let api: OpaquePointer

    /// Opens Tesseract with `language`; throws when the library or its language data is missing.
    public init(language: String = "nld", dpi: Int = 300) throws(IngestError) {
        // OpenMP reads OMP_THREAD_LIMIT when the library loads: the extraction workers are started
        // with it set (see ExtractionWorker); here it only helps a process that sets it earlier.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        guard let api = TessBaseAPICreate() else { throw .unreadable("Tesseract could not be started") }
        if TessBaseAPIInit2(api, nil, language, OEM_LSTM_ONLY) != 0 {
            TessBaseAPIDelete(api)
            throw .unreadable("Tesseract has no '\(language)' language data (install tesseract-ocr-\(language), or run with --ocr never)")
        }
        self.api = api
        self.language = language
        self.dpi = dpi
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// Tesseract's version, for provenance.
    public static var version: String {
        guard let v = TessVersion() else { return "unknown" }
        return String(cString: v)
    }

    /// What this engine is, for outputs and cache keys: "tesseract 5.3.0, nld, 300 dpi".
    public var identification: String { "tesseract \(Self.version), \(language), \(dpi) dpi" }

    /// Images above this many pixels are not read (a decompression bomb, or not a screenshot).
    static let maximumImagePixels = 60_000_000

    /// The text of an image file's bytes (PNG, JPEG, TIFF, GIF, BMP, WebP: what Leptonica reads)
    /// and the mean word confidence; nil when the image cannot be decoded or is too large. Images
    /// narrower than 1,600 pixels (screenshots at screen resolution) are scaled up twofold first:
    /// Tesseract reads letters of 20 pixels or more best.
    func read(image bytes: [UInt8]) -> (text: String, confidence: Int)? {
        var format: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
        let header = bytes.withUnsafeBufferPointer { pixReadHeaderMem($0.baseAddress, $0.count, &format, &w, &h, &bps, &spp, &cmap) }
        guard header == 0, w > 0, h > 0, Int(w) * Int(h) <= Self.maximumImagePixels else { return nil }
        var pix: OpaquePointer? = bytes.withUnsafeBufferPointer { pixReadMem($0.baseAddress, $0.count) }
        guard let read = pix else { return nil }
        if w < 1600, let scaled = pixScale(read, 2, 2) {
            pixDestroy(&pix)
            pix = scaled
        }
        defer { pixDestroy(&pix) }
        TessBaseAPISetImage2(api, pix)
        return recognize()
    }

    /// The text of one page and Tesseract's mean word confidence (0...100); nil when the page's
    /// image cannot be made (cairo could not allocate it: memory ran out).
    func read(_ page: OpaquePointer) -> (text: String, confidence: Int)? {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let scale = Double(dpi) / 72
        let pw = Int32(max(1, min(20_000, (width * scale).rounded()))), ph = Int32(max(1, min(20_000, (height * scale).rounded())))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        guard cairo_status(cr) == CAIRO_STATUS_SUCCESS else { cairo_destroy(cr); return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        // One grey byte per pixel (Tesseract thresholds grey itself; a quarter of the bytes to scan).
        let stride = Int(cairo_image_surface_get_stride(surface)), w = Int(pw), h = Int(ph)
        var grey = [UInt8](repeating: 255, count: w * h)
        grey.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                let row = data + y * stride
                for x in 0..<w {
                    let p = row + x * 4  // B, G, R, x in memory (CAIRO_FORMAT_RGB24, little endian)
                    out[y * w + x] = UInt8((UInt32(p[2]) * 77 + UInt32(p[1]) * 150 + UInt32(p[0]) * 29) >> 8)
                }
            }
        }
        grey.withUnsafeBufferPointer { TessBaseAPISetImage(api, $0.baseAddress, pw, ph, 1, pw) }
        return recognize()
    }

    /// The text of the image set on the engine and the mean word confidence; clears the image.
    private func recognize() -> (text: String, confidence: Int) {
        TessBaseAPISetSourceResolution(api, Int32(dpi))
        guard let text = TessBaseAPIGetUTF8Text(api) else { return ("", 0) }
        defer { TessDeleteText(text) }
        let confidence = Int(TessBaseAPIMeanTextConf(api))
        TessBaseAPIClear(api)
        return (String(cString: text), confidence)
    }
}
