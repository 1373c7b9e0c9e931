// swift-tools-version:6.0
import PackageDescription

/// poppler allocates heavily from every worker thread; jemalloc (Debian libjemalloc-dev) scales
/// better than glibc malloc there (about 15% less time for `analyze` on two cores).
let jemalloc: [LinkerSetting] = [.linkedLibrary("jemalloc")]

let package = Package(
    name: "sturing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sturing", targets: ["sturing"]),
        // The helper that reads PDFs, scans, web pages and Word files for `sturing` (installed beside it).
        .executable(name: "sturing-extract", targets: ["sturing-extract"]),
        .library(name: "SturingKit", targets: ["SturingCore", "SturingIngest", "SturingExtract", "SturingText", "SturingPipeline", "SturingAnalysis", "SturingReport", "SturingValidation", "SturingRun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // C wrappers: ICU behind an opaque header (see notes in Sources/CICU/include/cicu.h),
        // poppler-glib and libstemmer as system libraries.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev", "tesseract-ocr-nld"])]),
        // Excel workbooks (scores.xlsx), Debian libxlsxwriter-dev.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Text of HTML pages and XML documents (libxml2), Word/OpenDocument files (libzip + libxml2)
        // and Markdown (cmark, Debian libcmark-dev), behind an
        // opaque header: libxml2's headers include ICU's, which clash with Foundation's private ICU.
        .target(
            name: "CDocText",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2"), .linkedLibrary("zip"), .linkedLibrary("cmark")]
        ),

        // The versions of poppler, Tesseract, libxml2 and libzip, from their headers alone (no linking).
        .target(name: "CLibraryVersions", cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])]),

        // printf's "%.*f" as a plain C call (FixedDecimal).
        .target(name: "CFixedDecimal"),

        .target(name: "SturingCore", dependencies: ["CFixedDecimal", .product(name: "Crypto", package: "swift-crypto")]),
        // Plain text in: decoding, cleaning, the text cache, and the protocol of the extraction helper.
        .target(name: "SturingIngest", dependencies: ["SturingCore", "CICU", "CLibraryVersions"]),
        // Everything else in (PDF, OCR, HTML, Word): linked only into `sturing-extract`, so the main
        // process does not load poppler, Tesseract and their ~80 shared libraries (about 25 ms of
        // every start) and never parses these formats itself.
        .target(name: "SturingExtract", dependencies: ["SturingCore", "SturingIngest", "CPoppler", "CDocText", "CTesseract"]),
        .target(name: "SturingText", dependencies: [
            "SturingCore", "CICU", "CStemmer",
            .product(name: "Yams", package: "Yams"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "SturingPipeline", dependencies: [
            "SturingCore", "SturingIngest", "SturingText", "SturingAnalysis", "SturingValidation",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "SturingAnalysis", dependencies: ["SturingCore"]),
        // Validation against human coding: coding sheets, precision/recall, coder agreement.
        .target(name: "SturingValidation", dependencies: ["SturingCore", "SturingAnalysis"]),
        .target(name: "SturingReport", dependencies: [
            "SturingCore", "SturingAnalysis", "SturingValidation", "CXLSXWriter",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // What a run does, start to finish (plan, workers, journal, resume, shards, merge, outputs):
        // the one API of `sturing analyze`, `sturing merge` and the workspace.
        .target(name: "SturingRun", dependencies: [
            "SturingCore", "SturingIngest", "SturingText", "SturingPipeline", "SturingAnalysis", "SturingReport", "SturingValidation",
        ]),
        .executableTarget(name: "sturing", dependencies: [
            "SturingCore", "SturingIngest", "SturingText", "SturingPipeline", "SturingAnalysis", "SturingReport", "SturingValidation", "SturingRun",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: jemalloc),
        .executableTarget(name: "sturing-extract", dependencies: [
            "SturingCore", "SturingIngest", "SturingExtract",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: jemalloc),
        .executableTarget(name: "sturing-bench", dependencies: [
            "CICU", "SturingCore", "SturingIngest", "SturingExtract", "SturingText", "SturingPipeline", "SturingAnalysis",
        ], linkerSettings: jemalloc),

        // What the tests share: temporary folders, the built binary, the demo corpus's filled text cache.
        .target(name: "SturingTestSupport", path: "Tests/SturingTestSupport"),
        .testTarget(name: "SturingCoreTests", dependencies: ["SturingCore"]),
        .testTarget(name: "SturingIngestTests", dependencies: ["SturingIngest", "SturingExtract"], exclude: ["Fixtures"]),
        .testTarget(name: "SturingTextTests", dependencies: ["SturingText", "SturingCore"]),
        .testTarget(name: "SturingPipelineTests", dependencies: ["SturingPipeline", "SturingIngest", "SturingExtract", "SturingText", "SturingCore"]),
        .testTarget(name: "SturingAnalysisTests", dependencies: ["SturingAnalysis", "SturingCore"]),
        .testTarget(name: "SturingValidationTests", dependencies: ["SturingValidation", "SturingCore"]),
        // Runs the built `sturing` binary end to end (exit codes, output files).
        .testTarget(name: "SturingCLITests", dependencies: ["sturing", "sturing-extract", "SturingTestSupport"]),
        // The run API in process: shards, merge, the checks made before anything is scored.
        .testTarget(name: "SturingRunTests", dependencies: ["SturingRun", "SturingReport", "SturingPipeline", "SturingIngest", "SturingCore", "SturingTestSupport"]),
        .testTarget(name: "SturingReportTests", dependencies: ["SturingReport", "SturingAnalysis", "SturingCore", "SturingTestSupport"]),
    ]
)
