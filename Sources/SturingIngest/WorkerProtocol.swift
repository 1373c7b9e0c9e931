import Foundation
import SturingCore

/// The messages between `sturing` and its extraction helper (`sturing-extract`).
///
/// The parent writes one JSON line per job on the helper's standard input. The helper answers on
/// its standard output with one JSON line (`Reply`) followed by `length` bytes: the document in
/// the text cache's format (a JSON header line and the pages' UTF-8 bytes).
public enum WorkerProtocol {
    /// The helper's executable name, installed beside `sturing`.
    public static let helperName = "sturing-extract"

    /// One file to extract.
    public struct Job: Codable, Sendable {
        /// The path, as the parent would read it.
        public var path: String
        /// Also say what cleaning did to each page (for `sturing text --report`).
        public var cleaningByPage: Bool?

        /// A job for `path`.
        public init(path: String, cleaningByPage: Bool? = nil) {
            self.path = path
            self.cleaningByPage = cleaningByPage
        }
    }

    /// How far the helper is with a job, sent before its reply: each line keeps a slow file alive
    /// (the parent's time limit counts from the last line) and makes the limit grow with the pages
    /// that need OCR.
    public struct Progress: Codable, Sendable, Equatable {
        /// Pages done so far.
        public var page: Int
        /// Pages in the file.
        public var pages: Int
        /// Pages that are (to be) read by OCR.
        public var ocrPages: Int

        /// A progress line's content.
        public init(page: Int, pages: Int, ocrPages: Int) {
            self.page = page; self.pages = pages; self.ocrPages = ocrPages
        }
    }

    /// A progress line: `{"progress": …}`.
    public struct ProgressLine: Codable, Sendable {
        /// The progress.
        public var progress: Progress
    }

    /// The bytes of one progress line.
    public static func encode(_ progress: Progress) -> Data {
        var out = (try? JSONEncoder().encode(ProgressLine(progress: progress))) ?? Data()
        out.append(0x0A)
        return out
    }

    /// The answer to a job.
    public struct Reply: Codable, Sendable {
        /// Why the file could not be read, or nil.
        public var error: IngestError?
        /// Bytes of the encoded document that follow the reply line (0 on an error).
        public var length: Int
        /// What cleaning did to each page, when the job asked.
        public var cleaningByPage: [PageCleaning]?
    }

    /// The reply line and payload for one extraction result (and, when asked, its cleaning by page).
    public static func encode(_ result: Result<Document, IngestError>, cleaningByPage: [PageCleaning]? = nil) -> Data {
        var payload = Data()
        var reply = Reply(error: nil, length: 0, cleaningByPage: cleaningByPage)
        switch result {
        case .success(let document):
            if let data = DocumentCache.encode(document) {
                payload = data
                reply.length = data.count
            } else {
                reply.error = .unreadable("the extracted text could not be encoded")
            }
        case .failure(let error):
            reply.error = error
        }
        var out = (try? JSONEncoder().encode(reply)) ?? Data("{\"length\":0}".utf8)
        out.append(0x0A)
        out.append(payload)
        return out
    }
}
