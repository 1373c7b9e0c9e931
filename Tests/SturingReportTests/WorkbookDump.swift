import Foundation
import SturingTestSupport

/// A workbook as openpyxl reads it (scripts/xlsx-dump): the check that scores.xlsx opens in the
/// reader researchers use, with numbers as numbers and text as text.
struct WorkbookDump {
    /// One cell: its value and openpyxl's type ('n' number, 's' text, 'f' formula).
    struct Cell: Decodable {
        var v: Value?
        var t: String

        /// The value when it is text.
        var text: String? { if case .text(let s)? = v { s } else { nil } }
    }

    /// A cell's value.
    enum Value: Decodable, Equatable {
        case number(Double)
        case text(String)

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
        }
    }

    /// One sheet.
    struct Sheet: Decodable {
        var name: String
        var freeze: String?
        var widths: [String: Double]
        var rows: [[Cell]]

        /// The cells of the column named `header` (below the header row).
        func column(_ header: String) -> [Cell] {
            guard let c = rows.first?.firstIndex(where: { $0.v == .text(header) }) else { return [] }
            return rows.dropFirst().map { c < $0.count ? $0[c] : Cell(v: nil, t: "n") }
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/xlsx-dump").standardized.path

    /// The Pythons to try: the one on PATH, then Debian's (where apt's python3-openpyxl goes).
    static let pythons: [String] = {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return (path + ["/usr/bin/python3"]).filter { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// True when some python3 is installed (without one the workbook tests are skipped).
    static var hasPython: Bool { !pythons.isEmpty }

    /// The sheets of the workbook at `path`, read by the first python3 that has openpyxl.
    static func read(_ path: String) throws -> [Sheet] {
        var problems = [String]()
        for python in pythons {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = [script, path]
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let data = TestBinary.readAll(out)
            let message = String(decoding: TestBinary.readAll(err), as: UTF8.self)
            p.waitUntilExit()
            if p.terminationStatus == 0 { return try JSONDecoder().decode([Sheet].self, from: data) }
            problems.append("\(python): \(message.split(separator: "\n").last ?? "")")
        }
        throw DumpError(description: "no python3 could read the workbook with openpyxl (install it: apt-get install python3-openpyxl, or make deps): " + problems.joined(separator: "; "))
    }

    /// Why the workbook could not be read.
    struct DumpError: Error, CustomStringConvertible { var description: String }
}
