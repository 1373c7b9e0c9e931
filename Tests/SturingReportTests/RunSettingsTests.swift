import Foundation
import SturingAnalysis
import SturingCore
import Testing
@testable import SturingReport

/// The schema of a run's settings (issue 24): written whole, read back the same, and a run.json
/// of another version, or with a field missing, refused with a message that says so.
@Suite struct RunSettingsTests {
    static func settings(model: Bool = true) -> RunSettings {
        var p = Provenance(lexiconName: "nijdam-2019-plus", lexiconVersion: "1.0", lexiconSHA256: "abc", lexiconPath: "built-in:nijdam-2019-plus.yaml",
                           match: .stem, stemmer: "snowball", icu: "72.1", poppler: "22.12.0", date: "2026-12-03T00:00:00Z")
        if model {
            p.model = .init(path: "built-in:nijdam-2019-plus.model.json", fingerprint: "f00d", trainedOn: ["a.csv", "b.csv"],
                            figures: .init(matches: 10, trueMatches: 6, kept: 5, keptTrue: 4, expected: 6.5), calibrationSD: [0.1, 0.2, 0.3, 0.4])
        }
        return RunSettings(provenance: p, corpus: "plans/", manifest: nil, corpusPlanSHA256: "123", shard: .init(k: 2, n: 3),
                           csvDialect: .excelNL, lang: .english, cache: "Output/.cache", ocr: "auto", ocrEngine: "tesseract",
                           bootstrap: 1000, seed: 18_446_744_073_709_551_615, ingest: "ingest-6", tokens: "tokens-2",
                           minSignalWords: 20, top: 7, distinct: .none, exclude: ["Ede", "Urk"], fileTimeout: 90.5, fileMemoryMB: 2048)
    }

    @Test func whatIsWrittenIsReadBackTheSame() throws {
        for model in [true, false] {
            let s = Self.settings(model: model)
            let text = s.json.pretty()
            let read = try RunSettings.read(try JSONValue.parse(text), source: "run.json")
            // JSON numbers are written with at most four decimals (as every output), so the
            // derived ratios come back rounded; everything else, and a second round trip, exactly.
            var rounded = s
            rounded.contextModel?.crossValidated?.trueMatchesKept = 0.6667
            #expect(read == rounded)
            #expect(try RunSettings.read(try JSONValue.parse(read.json.pretty()), source: "run.json") == read)
            #expect(read.seedValue == UInt64.max)
            #expect(read.provenance(tool: "0.3.0", date: "d").model == (model ? Self.settings().provenance(tool: "0.3.0", date: "d").model : nil))
        }
    }

    @Test func theKeysAreTheDocumentedSnakeCaseNamesInAFixedOrder() throws {
        let keys = Self.settings().json.objectValue!.map(\.0)
        #expect(keys == keys.sorted())
        #expect(keys.contains("min_signal_words") && keys.contains("corpus_plan_sha256") && keys.contains("file_memory_mb")
            && keys.contains("context_model") && keys.contains("csv_dialect") && keys.contains("version"))
        #expect(Self.settings().json["context_model"]?["cross_validated"]?["precision_p_at_least_half"]?.doubleValue == 0.8)
        // Two settings made apart give the same text (no dictionary order leaks into the file).
        let text = Self.settings().json.serialized()
        for _ in 0..<20 { #expect(Self.settings().json.serialized() == text) }
    }

    @Test func anotherVersionIsRefusedSayingWhich() throws {
        var fields = Self.settings().json.objectValue!
        fields.removeAll { $0.0 == "version" }
        #expect(throws: RunSettings.ReadError.self) { try RunSettings.read(.object(fields), source: "out/run.json") }
        do {
            _ = try RunSettings.read(.object(fields + [("version", .int(2))]), source: "out/run.json")
            Issue.record("version 2 was read")
        } catch {
            #expect(error.description.contains("out/run.json") && error.description.contains("version 2") && error.description.contains("version 1"))
        }
        do {
            _ = try RunSettings.read(.object(fields), source: "out/run.json")
            Issue.record("settings without a version were read")
        } catch {
            #expect(error.description.contains("earlier sturing"))
        }
    }

    @Test func aMissingOrWrongFieldIsNamed() throws {
        var fields = Self.settings().json.objectValue!
        fields.removeAll { $0.0 == "min_signal_words" }
        do {
            _ = try RunSettings.read(.object(fields), source: "run.json")
            Issue.record("read without min_signal_words")
        } catch {
            #expect(error.description.contains("'min_signal_words'"))
        }
        fields.append(("min_signal_words", .string("twenty")))
        do {
            _ = try RunSettings.read(.object(fields), source: "run.json")
            Issue.record("read a string as min_signal_words")
        } catch {
            #expect(error.description.contains("min_signal_words"))
        }
        #expect(throws: RunSettings.ReadError.self) { try RunSettings.read(.array([]), source: "run.json") }
        #expect(throws: RunSettings.ReadError.self) { try RunSettings.read(nil, source: "run.json") }
    }

    /// A nested field is named with its path, a seed that is not a number is refused, and a
    /// number JSON cannot hold (an infinite time limit) is written as text and read back.
    @Test func nestedFieldsSeedsAndInfiniteNumbers() throws {
        var fields = Self.settings().json.objectValue!
        let lexicon = fields.first { $0.0 == "lexicon" }!.1.objectValue!.filter { $0.0 != "sha256" }
        fields = fields.map { $0.0 == "lexicon" ? ("lexicon", .object(lexicon)) : $0 }
        do {
            _ = try RunSettings.read(.object(fields), source: "run.json")
            Issue.record("read without lexicon.sha256")
        } catch {
            #expect(error.description.contains("'lexicon.sha256'"), "\(error.description)")
        }
        let badSeed = Self.settings().json.objectValue!.map { $0.0 == "seed" ? ("seed", JSONValue.string("tien")) : $0 }
        do {
            _ = try RunSettings.read(.object(badSeed), source: "run.json")
            Issue.record("read a seed that is not a number")
        } catch {
            #expect(error.description.contains("'seed'"))
        }
        var endless = Self.settings()
        endless.fileTimeout = .infinity
        #expect(endless.json["file_timeout"]?.stringValue == "Infinity")
        #expect(try RunSettings.read(try JSONValue.parse(endless.json.pretty()), source: "run.json").fileTimeout == .infinity)
    }
}
