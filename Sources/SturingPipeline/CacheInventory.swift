import Foundation
import SturingIngest
import SturingText

/// What a cache folder holds (extracted texts and tokens), which entries the running version can
/// still use, and trimming it: `sturing cache info|prune`.
public enum CacheInventory {
    /// One file in the cache folder.
    public struct Entry: Sendable {
        /// The file name.
        public var name: String
        /// Its size in bytes.
        public var bytes: Int
        /// When it was last written.
        public var modified: Date
        /// "text" (.cache), "tokens" (.tokens) or "other".
        public var kind: String
        /// True when this version of sturing can use it (made by the same reader, cleaner,
        /// poppler, Tesseract and ICU versions).
        public var current: Bool
    }

    /// The entries of `folder` (empty when it does not exist).
    public static func scan(_ folder: String) -> [Entry] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [] }
        let tokenPrefix = "\(TokenCache.version)-\(DocumentCache.formatVersion)-icu\(WordTokenizer.icuVersion)-"
        return names.sorted().compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let attributes = try? fm.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
            let kind = name.hasSuffix(".cache") ? "text" : name.hasSuffix(".tokens") ? "tokens" : "other"
            let current = kind == "text" ? name.hasPrefix(DocumentCache.key + "-") : kind == "tokens" ? name.hasPrefix(tokenPrefix) : false
            return Entry(name: name, bytes: (attributes[.size] as? Int) ?? 0,
                         modified: (attributes[.modificationDate] as? Date) ?? .distantPast, kind: kind, current: current)
        }
    }

    /// What `prune` removed.
    public struct Pruned: Sendable {
        /// Files removed.
        public var files = 0
        /// Bytes freed.
        public var bytes = 0
    }

    /// Removes from `folder`: entries this version cannot use and leftovers (always), entries
    /// not written for `olderThanDays` days, and then the oldest entries until the folder holds
    /// at most `maxBytes`. Only cache files are touched (`.cache`, `.tokens`, stray `.tmp`).
    public static func prune(_ folder: String, olderThanDays: Double? = nil, maxBytes: Int? = nil, now: Date = Date()) -> Pruned {
        var pruned = Pruned()
        var kept = [Entry]()
        for e in scan(folder) {
            let leftover = e.kind == "other" && e.name.hasPrefix(".") && e.name.hasSuffix(".tmp")
            guard e.kind != "other" || leftover else { continue }
            let old = olderThanDays.map { now.timeIntervalSince(e.modified) > $0 * 86_400 } ?? false
            if leftover || !e.current || old { remove(e, in: folder, into: &pruned) } else { kept.append(e) }
        }
        if let maxBytes {
            var total = kept.reduce(0) { $0 + $1.bytes }
            for e in kept.sorted(by: { $0.modified < $1.modified }) where total > maxBytes {
                remove(e, in: folder, into: &pruned)
                total -= e.bytes
            }
        }
        return pruned
    }

    private static func remove(_ e: Entry, in folder: String, into pruned: inout Pruned) {
        if (try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(e.name))) != nil {
            pruned.files += 1
            pruned.bytes += e.bytes
        }
    }
}
