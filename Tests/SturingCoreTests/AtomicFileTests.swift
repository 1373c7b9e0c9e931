import Foundation
import Synchronization
import Testing
@testable import SturingCore

/// Issue 22, item 10: an output path never replaces what is not a regular file, and write errors
/// read as the documented error.
@Suite struct AtomicFileTests {
    @Test func aDeviceIsWrittenToNotRenamedOver() throws {
        try AtomicFile.write("hallo", to: "/dev/null")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFullDiskIsAnError() throws {
        do {
            try AtomicFile.write(String(repeating: "x", count: 100_000), to: "/dev/full")
            Issue.record("writing to /dev/full succeeded")
        } catch {
            #expect(error.description == "/dev/full: cannot write: No space left on device (free disk space or choose another path)")
        }
    }

    @Test func aFolderIsRefusedAndARegularFileReplacedWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: dir.path) }
        let file = dir.appendingPathComponent("sub/out.txt").path
        try AtomicFile.write("een", to: file)
        try AtomicFile.write(Data("twee".utf8), to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "twee")
        // Nothing but the file is left in its folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path) == ["out.txt"])
    }

    @Test func aFIFOIsWrittenToDirectly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens the FIFO plainly (blocking until the writer comes) and reads to its
        // end, so it never closes before the bytes are through; should it, the write fails with
        // EPIPE rather than the signal ending the whole test process.
        signal(SIGPIPE, SIG_IGN)
        let received = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var bytes = [UInt8](repeating: 0, count: 256), all = Data()
            while fd >= 0 {
                let n = read(fd, &bytes, bytes.count)
                if n <= 0 { break }
                all.append(contentsOf: bytes[0..<n])
            }
            if fd >= 0 { close(fd) }
            received.withLock { $0 = all }
            done.signal()
        }
        reader.start()
        try AtomicFile.write("door de pijp", to: fifo)
        done.wait()
        #expect(received.withLock { $0 } == Data("door de pijp".utf8))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func leftoversOfKilledWritersAreRemoved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("left-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A pid that runs (ours, from another writer's point of view: pid 1) is kept; one that does not is removed.
        try Data().write(to: dir.appendingPathComponent(".scores.json.1.42.tmp"))
        try Data().write(to: dir.appendingPathComponent(".scores.json.999999999.42.tmp"))
        try Data().write(to: dir.appendingPathComponent("keep.tmp"))
        AtomicFile.removeLeftovers(in: dir.path)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == [".scores.json.1.42.tmp", "keep.tmp"])
    }
}

/// Reading back a CSV that sturing wrote removes its formula guard, and nothing else.
@Suite struct FormulaGuardTests {
    @Test func theGuardIsRemovedOnlyBeforeAFormulaStart() {
        #expect(FormulaGuard.unguarded("'=HYPERLINK(\"x\")") == "=HYPERLINK(\"x\")")
        #expect(FormulaGuard.unguarded("'-5 %") == "-5 %")
        #expect(FormulaGuard.unguarded("'s-Hertogenbosch") == "'s-Hertogenbosch")
        #expect(FormulaGuard.unguarded("Ede") == "Ede")
    }
}
