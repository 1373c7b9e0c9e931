// sturing-bench: speed figures for the text path (one core) and for batches of files.
// Usage: sturing-bench [--megabytes N] [--files PATH...] | --icu-floor FILE | --tokenize FILE | --clean FILE
//        | --bootstrap PLANS [--weighed]
import CICU
import Foundation
import SturingAnalysis
import SturingCore
import SturingExtract
import SturingIngest
import SturingPipeline
import SturingText

/// A deterministic generator of Dutch policy-like text with signal words mixed in.
struct SyntheticText {
    static let words = """
        de het een en van in op met voor aan te is zijn wordt worden dat die deze wij zij inwoners gemeente \
        college raad zorg ondersteuning jeugd wijk buurt beleid plan uitvoering welzijn mantelzorg \
        Wmo voorziening maatschappelijke participatie kosten budget cliënt aanbieder verordening \
        samenwerken samenwerking wijkteam wijkteams meten resultaten kaders kader regels regelen \
        zelfredzaamheid zelfredzaam meedoen vrijwilligers vertrouwen maatwerk prestaties markt \
        efficiënt effectieve innovatie creëren coördinatie één financiële beleidsplan \
        Inwoners Gemeente Zorg Beleid Het De In
        """.split(separator: " ").map(String.init)

    /// About `bytes` bytes of text in sentences and paragraphs.
    static func make(bytes: Int) -> String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out = ""
        out.reserveCapacity(bytes + 100)
        var sentence = 0
        while out.utf8.count < bytes {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let w = words[Int((state >> 33) % UInt64(words.count))]
            out += w
            sentence += 1
            if sentence % 14 == 0 { out += ". " } else if sentence % 97 == 0 { out += ".\n\n" } else { out += " " }
        }
        return out
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func main() throws {
    var args = Array(CommandLine.arguments.dropFirst())
    var megabytes = 50
    if let i = args.firstIndex(of: "--megabytes"), i + 1 < args.count { megabytes = Int(args[i + 1]) ?? 50; args.removeSubrange(i...(i + 1)) }
    var files = [String]()
    if let i = args.firstIndex(of: "--tokenize"), i + 1 < args.count {
        try tokenizeOnly(path: args[i + 1])
        return
    }
    if let i = args.firstIndex(of: "--bootstrap"), i + 1 < args.count {
        bootstrapOnly(plans: Int(args[i + 1]) ?? 400, weighed: args.contains("--weighed"))
        return
    }
    if let i = args.firstIndex(of: "--clean"), i + 1 < args.count {
        try cleanOnly(path: args[i + 1])
        return
    }
    if let i = args.firstIndex(of: "--icu-floor"), i + 1 < args.count {
        try icuFloor(path: args[i + 1])
        return
    }
    if let i = args.firstIndex(of: "--files") { files = Array(args[(i + 1)...]) }
    let lexicon = try CompiledLexicon(try LexiconLoader.builtin(), setting: .lexicon)

    if files.isEmpty {
        let text = SyntheticText.make(bytes: megabytes * 1_000_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-bench-\(getpid()).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mb = Double(text.utf8.count) / 1_000_000
        let scorer = try DocumentScorer(lexicon: lexicon)
        _ = try scorer.score(try DocumentExtractor.read(path: path))  // warm up caches
        var best = (read: Double.infinity, score: Double.infinity)
        var tokens = 0
        for _ in 0..<3 {
            var doc: Document?
            let r = try seconds { doc = try DocumentExtractor.read(path: path) }
            let s = try seconds { tokens = try scorer.score(doc!).tokens }
            best = (min(best.read, r), min(best.score, s))
        }
        let total = best.read + best.score
        print(String(format: "text, one core: %.1f MB, %d tokens", mb, tokens))
        print(String(format: "  read+decode+clean %.3f s (%.0f MB/s)", best.read, mb / best.read))
        print(String(format: "  tokenize+match+count %.3f s (%.1f MB/s)", best.score, mb / best.score))
        print(String(format: "  end to end %.3f s: %.1f MB/s", total, mb / total))
    } else {
        for jobs in [1, ProcessInfo.processInfo.activeProcessorCount] {
            var outcomes = [FileOutcome]()
            let t = try seconds { outcomes = try BatchScorer.run(paths: files, lexicon: lexicon, jobs: jobs, read: { p throws(IngestError) in try DocumentExtractor.read(path: p) }) }
            let failed = outcomes.filter { if case .failed = $0 { true } else { false } }.count
            let pages = outcomes.reduce(0) { if case .scored(let s) = $1 { $0 + (s.pages ?? 0) } else { $0 } }
            print(String(format: "files: %d (%d failed), %d pages, jobs %d: %.3f s (%.0f pages/s)", files.count, failed, pages, jobs, t, Double(pages) / t))
        }
    }
}

/// The tokenizer's own speed on the file's text (words found, lowercased and interned; the
/// UTF-16 text made once beforehand), best of five, one core: next to the ICU floor it shows
/// what the fast path gains, and it times a change to the tokenizer without the noise of a
/// whole run.
func tokenizeOnly(path: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let units = Array(String(decoding: bytes, as: UTF8.self).utf16)
    let tokenizer = try WordTokenizer()
    var best = Double.infinity
    var tokens = 0
    for _ in 0..<5 {
        var stream = TokenStream()
        let t = seconds { units.withUnsafeBufferPointer { tokenizer.tokenize($0, into: &stream) } }
        tokens = stream.count
        best = min(best, t)
    }
    print(String(format: "tokenize: %.1f MB, %d words, %.3f s, %.1f MB/s", Double(bytes.count) / 1e6, tokens, best, Double(bytes.count) / 1e6 / best))
}

/// Decoding and cleaning a plain text file alone (the bytes read beforehand), best of five, one
/// core: times a change to cleaning without the noise of a whole run.
func cleanOnly(path: String) throws {
    let bytes = try DocumentReader.readBytes(path: path)
    var best = Double.infinity
    var pages = 0
    for _ in 0..<5 {
        let copy = bytes
        let t = try seconds { pages = try DocumentReader.textDocument(path: path, bytes: copy, sha256: "", threads: 1).pages.count }
        best = min(best, t)
    }
    print(String(format: "clean: %.1f MB, %d pages, %.3f s, %.1f MB/s", Double(bytes.count) / 1e6, pages, best, Double(bytes.count) / 1e6 / best))
}

/// The bootstrap alone (1,000 replicates, with the case selection replayed) on `plans` plans of
/// 40 distinct sentence vectors each, shaped like those of real plans: its wall time, best of five.
/// `weighed`: 160 vectors each, as with a context model (counts in hundredths of p, nearly every
/// counted sentence its own vector).
func bootstrapOnly(plans: Int, weighed: Bool) {
    var rng = SplitMix64(seed: 1)
    var profiles = [SentenceProfile](), rows = [ShareRow]()
    for i in 0..<plans {
        var times = [[Int]: Int]()
        while weighed && times.count < 160 {
            var v = [0, 0, 0, 0]
            v[Int(rng.next() % 4)] += 5 + Int(rng.next() % 95)
            if rng.next() % 4 == 0 { v[Int(rng.next() % 4)] += 5 + Int(rng.next() % 95) }
            times[v, default: 0] += 1
        }
        while !weighed && times.count < 40 {
            var v = [0, 0, 0, 0]
            v[Int(rng.next() % 4)] += 1
            if rng.next() % 4 == 0 { v[Int(rng.next() % 4)] += 1 }
            times[v, default: 0] += rng.next() % 5 == 0 ? Int(5 + rng.next() % 30) : 1 + Int(rng.next() % 3)
            if times.count >= 14 && rng.next() % 8 == 0 { break }
        }
        let profile = SentenceProfile(sentences: 400, vectors: SentenceProfile.sorted(times))
        profiles.append(profile)
        let t = profile.totals, total = Double(t.reduce(0, +))
        rows.append(ShareRow(municipality: "G\(i)", province: "P\(i % 12)", profile: ShareProfile(t.map { Double($0) * 100 / total })))
    }
    let ranking = Ranking(rows: rows)
    let selection = CaseSelection.select(ranking, top: 5)
    var best = Double.infinity
    for _ in 0..<5 {
        let t = seconds {
            _ = Bootstrap(profiles: profiles, ranked: profiles.map { _ in true }, replicates: 1000, seed: 1,
                          selection: (selection, SelectionReplay(rows: ranking.rows, exclude: [], distinct: .province, top: 5)))
        }
        best = min(best, t)
    }
    print(String(format: "bootstrap: %d plans%@, 1000 replicates, %.3f s", plans, weighed ? " (weighed)" : "", best))
}

/// ICU's word-break speed on the file's text (UTF-8 → UTF-16 included), best of three, one core.
func icuFloor(path: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    var best = Double.infinity
    var words: Int64 = 0
    for _ in 0..<3 {
        let t = seconds {
            let units = Array(String(decoding: bytes, as: UTF8.self).utf16)
            var err: Int32 = 0
            words = units.withUnsafeBufferPointer { cicu_word_break_floor($0.baseAddress, Int32($0.count), &err) }
        }
        best = min(best, t)
    }
    print(String(format: "icu-floor: %.1f MB, %lld words, %.3f s, %.1f MB/s", Double(bytes.count) / 1e6, words, best, Double(bytes.count) / 1e6 / best))
}

do { try main() } catch { FileHandle.standardError.write(Data("sturing-bench: \(error)\n".utf8)); exit(2) }
