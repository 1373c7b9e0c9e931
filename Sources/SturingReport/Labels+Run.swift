import Foundation

/// What the command line says while a run goes and when it ends, in the run's language (`--lang`),
/// with Dutch and English plurals.
extension Labels {
    /// "20 pagina's" / "1 page".
    public func pages(_ n: Int) -> String { counted(n, ("pagina", "pagina's"), ("page", "pages")) }

    /// "6.482 tokens" / "6,482 tokens".
    public func tokens(_ n: Int) -> String { counted(n, ("token", "tokens"), ("token", "tokens")) }

    /// A file that could not be scored, in the progress lines.
    public var failedFile: String { nl ? "mislukt" : "failed" }

    /// The progress bar's tail: pages per second and the time left.
    public func rate(pagesPerSecond: Int, eta: String) -> String {
        nl ? "\(count(pagesPerSecond)) pagina's/s, nog \(eta)" : "\(count(pagesPerSecond)) pages/s, ETA \(eta)"
    }

    /// "3/13 bestanden" / "3/13 files" (the bar's count).
    public func filesDone(_ done: Int, of total: Int) -> String {
        "\(count(done))/" + counted(total, ("bestand", "bestanden"), ("file", "files"))
    }

    /// The OCR part of a reading line: " (OCR: 2 pagina's)", or "" without OCR.
    public func ocrPages(_ n: Int) -> String { n > 0 ? " (OCR: \(pages(n)))" : "" }

    /// On the bar, the file being read: "bezig met plan.pdf: 3/6 pagina's (OCR: 2 pagina's)".
    public func reading(_ name: String, page: Int, of total: Int, ocr: Int) -> String {
        (nl ? "bezig met \(name): " : "reading \(name): ") + "\(count(page))/" + pages(total) + ocrPages(ocr)
    }

    /// Off a terminal, how far a long file is: "plan.pdf: 3 van 6 pagina's gelezen".
    public func readSoFar(_ file: String, page: Int, of total: Int, ocr: Int) -> String {
        (nl ? "\(file): \(count(page)) van \(pages(total)) gelezen" : "\(file): \(count(page)) of \(pages(total)) read") + ocrPages(ocr)
    }

    /// "1 fout" / "2 fouten" / "0 errors".
    public func errors(_ n: Int) -> String { counted(n, ("fout", "fouten"), ("error", "errors")) }

    /// The closing line of a run: plans, errors, the text cache and what an interrupted run kept.
    public func scored(plans: Int, errors e: Int, cache: (hits: Int, misses: Int)?, resumed: Int) -> String {
        let stats = cache.map { c in
            nl ? " (tekstcache: \(count(c.hits)) uit de cache, \(count(c.misses)) gelezen)" : " (text cache: \(count(c.hits)) hits, \(count(c.misses)) misses)"
        } ?? ""
        let kept = resumed > 0 ? (nl ? "; \(count(resumed)) behouden uit de onderbroken run" : "; \(count(resumed)) kept from the interrupted run") : ""
        return (nl ? "\(counted(plans, ("plan", "plannen"), ("plan", "plans"))) gescoord, \(errors(e))"
                   : "\(counted(plans, ("plan", "plannen"), ("plan", "plans"))) scored, \(errors(e))") + stats + kept
    }

    /// The closing line of a merge.
    public func merged(shards: Int, plans: Int, errors e: Int) -> String {
        let what = counted(shards, ("shard", "shards"), ("shard", "shards")), result = counted(plans, ("plan", "plannen"), ("plan", "plans"))
        return nl ? "\(what) samengevoegd: \(result), \(errors(e))" : "merged \(what): \(result), \(errors(e))"
    }

    /// "geschreven: PATH" / "wrote PATH".
    public func wrote(_ what: String) -> String { nl ? "geschreven: \(what)" : "wrote \(what)" }
}
