import Foundation
import SturingCore
import SturingIngest

/// The messages between the parent and an extraction worker (`sturing worker`).
///
/// The parent writes one JSON line per job on the worker's standard input. The worker answers on
/// its standard output with one JSON line (`WorkerReply`) followed by `length` bytes: the document
/// in the text cache's format (a JSON header line and the pages' UTF-8 bytes).
enum WorkerProtocol {
    /// One file to extract.
    struct Job: Codable {
        /// The path, as the parent would read it.
        var path: String
    }

    /// The answer to a job.
    struct Reply: Codable {
        /// Why the file could not be read, or nil.
        var error: IngestError?
        /// Bytes of the encoded document that follow the reply line (0 on an error).
        var length: Int
    }

    /// The reply line and payload for one extraction result.
    static func encode(_ result: Result<Document, IngestError>) -> Data {
        var payload = Data()
        var reply = Reply(error: nil, length: 0)
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
