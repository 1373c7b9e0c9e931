import Foundation
import SturingCore
import SturingIngest

/// Reads council-data exports as documents: Open Raadsinformatie (Elasticsearch hits or their
/// `_source` objects; a MediaObject's `text` pages, else its `md_text` without markup) and
/// Notubiz (meetings with their documents' titles and descriptions, also in agenda items). The
/// documents' metadata (name, date, identifier, the municipality of an ORI index) is provenance,
/// never text. JSON, JSON lines and one object or array per file are read.
public enum CouncilDataReader {
    /// The export's text (a page per document), its metadata and remarks.
    public struct Result: Sendable {
        /// One page per document with text, in the export's order.
        public var pages: [String]
        /// The export's metadata; `parts` lists its documents.
        public var metadata: DocumentMetadata
        /// Remarks (a Notubiz export holds titles and descriptions only).
        public var notices: [Notice]
        /// The remarks' English sentences.
        public var warnings: [String] { notices.map(\.message) }
    }

    /// Reads the export in `bytes`; throws when it is not JSON, or JSON of another kind.
    public static func read(_ bytes: [UInt8]) throws(IngestError) -> Result {
        let values = try parse(bytes)
        if values.contains(where: isSturingOutput) {
            throw .unreadable("this is an output of sturing (scores or run data), not a plan (leave it out of the corpus folder)")
        }
        let hits = values.flatMap(oriHits)
        if !hits.isEmpty { return try ori(hits) }
        let meetings = values.flatMap(notubizMeetings)
        if !meetings.isEmpty { return try notubiz(meetings) }
        throw .unreadable("JSON, but not an Open Raadsinformatie or Notubiz export (no documents with text found; export the plan as PDF or text)")
    }

    /// The JSON values of a file: one value, or one per line (JSON lines).
    static func parse(_ bytes: [UInt8]) throws(IngestError) -> [Any] {
        let data = Data(bytes)
        if let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) { return [value] }
        var values = [Any]()
        for line in data.split(separator: 0x0A) where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
            guard let value = try? JSONSerialization.jsonObject(with: Data(line)) else {
                throw .unreadable("the JSON is not valid (check that the download is complete)")
            }
            values.append(value)
        }
        guard !values.isEmpty else { throw .unreadable("the JSON is not valid (check that the download is complete)") }
        return values
    }

    static func isSturingOutput(_ value: Any) -> Bool {
        guard let o = value as? [String: Any] else { return false }
        if let tool = o["tool"] as? [String: Any], tool["name"] as? String == "sturing" { return true }
        return o["run_id"] != nil && o["settings"] != nil
    }

    // MARK: Open Raadsinformatie

    /// An ORI document: its `_source`, and the hit's index and id when it came as a hit.
    struct Hit {
        var source: [String: Any]
        var index: String?
        var id: String?
    }

    static let oriTypes: Set<String> = ["MediaObject", "Meeting", "AgendaItem", "Motion", "Vote", "Organization", "Person", "CreativeWork", "Membership"]

    /// The ORI documents in a value: an Elasticsearch response, an array of hits or sources, or one.
    static func oriHits(_ value: Any) -> [Hit] {
        if let array = value as? [Any] { return array.flatMap(oriHits) }
        guard let o = value as? [String: Any] else { return [] }
        if let hits = (o["hits"] as? [String: Any])?["hits"] as? [Any] { return hits.flatMap(oriHits) }
        if let source = o["_source"] as? [String: Any] {
            let index = o["_index"] as? String
            guard isORI(source) || index.map(isORIIndex) == true else { return [] }
            return [Hit(source: source, index: index, id: text(o["_id"]))]
        }
        return isORI(o) ? [Hit(source: o, index: nil, id: nil)] : []
    }

    static func isORI(_ o: [String: Any]) -> Bool {
        if let type = o["@type"] as? String, oriTypes.contains(type) { return true }
        if let context = o["@context"] { return "\(context)".contains("openraadsinformatie") || "\(context)".contains("ori") }
        return false
    }

    static func isORIIndex(_ index: String) -> Bool { index.hasPrefix("ori_") || index.hasPrefix("osi_") }

    static func ori(_ hits: [Hit]) throws(IngestError) -> Result {
        var pages = [String](), parts = [DocumentMetadata.Part]()
        var municipalities = Set<String>()
        for hit in hits {
            let s = hit.source
            var page = ""
            if let list = s["text"] as? [Any] { page = list.compactMap { $0 as? String }.joined(separator: "\n\u{0C}\n") } else if let t = s["text"] as? String { page = t }
            if page.allSatisfy(\.isWhitespace) {
                if let list = s["md_text"] as? [Any] { page = MarkupReader.markdownText(list.compactMap { $0 as? String }.joined(separator: "\n\n")) } else if let t = s["md_text"] as? String { page = MarkupReader.markdownText(t) }
            }
            guard !page.allSatisfy(\.isWhitespace) else { continue }
            // A document's own pages stay pages (form feeds), so running headers are found.
            pages += page.components(separatedBy: "\n\u{0C}\n")
            parts.append(DocumentMetadata.Part(title: text(s["name"]), date: text(s["last_discussed_at"]) ?? text(s["date_modified"]),
                                               identifier: hit.id ?? text(s["@id"]) ?? text(s["id"])))
            if let index = hit.index, let m = municipality(ofIndex: index) { municipalities.insert(m) }
        }
        guard !parts.isEmpty else {
            throw .unreadable("an Open Raadsinformatie export without document text (its \(hits.count) item(s) have no `text` or `md_text`; export the documents themselves)")
        }
        var metadata = DocumentMetadata(source: "Open Raadsinformatie", parts: parts)
        if parts.count == 1 { metadata.title = parts[0].title; metadata.date = parts[0].date; metadata.identifier = parts[0].identifier }
        if municipalities.count == 1 { metadata.municipality = municipalities.first }
        return Result(pages: pages, metadata: metadata, notices: [])
    }

    /// The municipality of an ORI index name ("ori_alphen_aan_den_rijn_20200101" → "Alphen aan den Rijn").
    static func municipality(ofIndex index: String) -> String? {
        var words = index.split(separator: "_").map(String.init)
        guard words.count >= 2, words[0] == "ori" else { return nil }
        words.removeFirst()
        if let last = words.last, last.allSatisfy(\.isNumber) { words.removeLast() }
        guard !words.isEmpty else { return nil }
        let particles: Set<String> = ["aan", "den", "de", "der", "op", "en", "bij", "in", "van", "het"]
        return words.enumerated().map { i, w in
            if i > 0 && particles.contains(w) { return w }
            if w.hasPrefix("ij") { return "IJ" + w.dropFirst(2) }
            return w.prefix(1).uppercased() + w.dropFirst()
        }.joined(separator: " ")
    }

    // MARK: Notubiz

    /// The Notubiz meetings in a value: a meeting object, `{"meeting": ...}`, `{"meetings": [...]}` or an array.
    static func notubizMeetings(_ value: Any) -> [[String: Any]] {
        if let array = value as? [Any] { return array.flatMap(notubizMeetings) }
        guard let o = value as? [String: Any] else { return [] }
        if let m = o["meeting"] as? [String: Any] { return notubizMeetings(m) }
        if let list = o["meetings"] as? [Any] { return list.flatMap(notubizMeetings) }
        let isNotubiz = ["self", "url"].contains { (o[$0] as? String)?.contains("notubiz") == true }
            || ((o["organisation"] as? [String: Any])?["self"] as? String)?.contains("notubiz") == true
            || (o["documents"] as? [Any])?.contains { (($0 as? [String: Any])?["self"] as? String)?.contains("notubiz") == true } == true
        return isNotubiz && (o["documents"] != nil || o["agenda_items"] != nil) ? [o] : []
    }

    /// A meeting's documents: its own and those of its agenda items, at any depth, in order.
    static func documents(of item: [String: Any]) -> [[String: Any]] {
        var found = [[String: Any]]()
        var queue: [[String: Any]] = [item]
        var k = 0
        while k < queue.count {
            let node = queue[k]
            k += 1
            found += (node["documents"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
            queue += (node["agenda_items"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        }
        return found
    }

    static func notubiz(_ meetings: [[String: Any]]) throws(IngestError) -> Result {
        var pages = [String](), parts = [DocumentMetadata.Part]()
        var hasBodies = false
        for meeting in meetings {
            for d in documents(of: meeting) {
                let body = ["text", "content"].compactMap { text(d[$0]) }
                hasBodies = hasBodies || !body.isEmpty
                let page = ([text(d["title"]), text(d["description"])].compactMap { $0 } + body).joined(separator: "\n\n")
                guard !page.allSatisfy(\.isWhitespace) else { continue }
                pages.append(page)
                parts.append(DocumentMetadata.Part(title: text(d["title"]), date: text(d["date"]) ?? text(d["publication_date"]), identifier: text(d["id"])))
            }
        }
        guard !parts.isEmpty else {
            throw .unreadable("a Notubiz export without documents (its \(meetings.count) meeting(s) list no document titles or text)")
        }
        var metadata = DocumentMetadata(source: "Notubiz", parts: parts)
        if meetings.count == 1 {
            let m = meetings[0]
            metadata.identifier = text(m["id"])
            metadata.date = text(m["date"]) ?? text(m["start_date"]) ?? text(m["creation_date"])
            metadata.title = text(m["title"]) ?? text(m["name"])
            metadata.municipality = text((m["organisation"] as? [String: Any])?["name"])
        }
        return Result(pages: pages, metadata: metadata, notices: hasBodies ? [] : [.titlesOnly(parts.count)])
    }

    /// A JSON string or number as text; nil for anything else or empty text.
    static func text(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let n = value as? NSNumber, !(value is Bool) { return n.stringValue }
        return nil
    }
}
