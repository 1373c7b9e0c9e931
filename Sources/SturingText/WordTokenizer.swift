import CICU
import Foundation
import SturingCore

/// Splits UTF-16 text into Dutch letter-word tokens with ICU word boundaries and lowercases them
/// into a `FormInterner`. One instance per thread: it owns an ICU break iterator and scratch buffers.
public final class WordTokenizer {
    private let breaker: OpaquePointer
    private let chunk = 4096
    private let chunkStarts: UnsafeMutablePointer<Int32>
    private let chunkEnds: UnsafeMutablePointer<Int32>
    private let chunkForms: UnsafeMutablePointer<Int32>
    private var utf8Scratch: UnsafeMutablePointer<UInt8>
    private var utf16Scratch: UnsafeMutablePointer<UInt16>
    private var scratchCapacity = 256

    /// The forms seen by this tokenizer (shared across the documents it tokenizes).
    public let interner: FormInterner

    /// Opens an ICU word-break iterator for Dutch.
    public init(interner: FormInterner = FormInterner()) throws(TextError) {
        var err: Int32 = 0
        guard let wb = cicu_wb_open("nl", &err), err <= 0 else { throw .icu("cannot open the word-break iterator (ICU error \(err))") }
        breaker = wb
        self.interner = interner
        chunkStarts = .allocate(capacity: chunk)
        chunkEnds = .allocate(capacity: chunk)
        chunkForms = .allocate(capacity: chunk)
        utf8Scratch = .allocate(capacity: scratchCapacity * 4)
        utf8Scratch.initialize(repeating: 0, count: scratchCapacity * 4)  // read 16 bytes at a time
        utf16Scratch = .allocate(capacity: scratchCapacity * 2)
    }

    deinit {
        cicu_wb_close(breaker)
        chunkStarts.deallocate()
        chunkEnds.deallocate()
        chunkForms.deallocate()
        utf8Scratch.deallocate()
        utf16Scratch.deallocate()
    }

    /// Appends the tokens of `text` to `stream`.
    public func tokenize(_ text: UnsafeBufferPointer<UInt16>, into stream: inout TokenStream) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var err: Int32 = 0
        cicu_wb_set_text(breaker, base, Int32(text.count), &err)
        guard err <= 0 else { return }
        // About one word per six UTF-16 units in Dutch prose.
        stream.reserve(stream.count + text.count / 6)
        while true {
            let n = Int(cicu_wb_next_words(breaker, chunkStarts, chunkEnds, Int32(chunk)))
            if n == 0 { break }
            // The words of a chunk go into the stream's arrays three copies at a time, not three
            // appends per word.
            for k in 0..<n {
                let s = chunkStarts[k]
                chunkForms[k] = internToken(base + Int(s), Int(chunkEnds[k] - s))
            }
            stream.forms.append(contentsOf: UnsafeBufferPointer(start: chunkForms, count: n))
            stream.starts.append(contentsOf: UnsafeBufferPointer(start: chunkStarts, count: n))
            stream.ends.append(contentsOf: UnsafeBufferPointer(start: chunkEnds, count: n))
        }
    }

    /// Turns the fast path for simple Latin text off (ICU's iterator for every boundary) or on;
    /// the words are the same either way (for tests and measurements).
    public func useFastPath(_ on: Bool) { cicu_wb_set_fast(breaker, on ? 1 : 0) }

    /// Lowercases one token into UTF-8 scratch (inline for ASCII, ICU otherwise) and interns it.
    @inline(__always)
    private func internToken(_ p: UnsafePointer<UInt16>, _ length: Int) -> Int32 {
        if length > scratchCapacity { growScratch(length) }
        var ascii = true
        for i in 0..<length {
            let u = p[i]
            if u >= 0x80 { ascii = false; break }
            utf8Scratch[i] = (u >= 0x41 && u <= 0x5A) ? UInt8(u | 0x20) : UInt8(u)
        }
        if ascii { return interner.intern(readable16: utf8Scratch, length) }
        return interner.intern(readable16: utf8Scratch, lowercaseSlow(p, length))
    }

    /// ICU Dutch lowercasing, typographic apostrophes folded to "'", transcoded to UTF-8 scratch.
    private func lowercaseSlow(_ p: UnsafePointer<UInt16>, _ length: Int) -> Int {
        var err: Int32 = 0
        var n = Int(cicu_to_lower(utf16Scratch, Int32(scratchCapacity * 2), p, Int32(length), "nl", &err))
        if err > 0 || n > scratchCapacity * 2 {
            // Lowercasing never grows Dutch text this much; fall back to the raw units.
            n = min(length, scratchCapacity * 2)
            for i in 0..<n { utf16Scratch[i] = p[i] }
        }
        var out = 0
        var i = 0
        while i < n {
            var scalar = UInt32(utf16Scratch[i])
            i += 1
            if scalar >= 0xD800 && scalar < 0xDC00 && i < n {
                let low = UInt32(utf16Scratch[i])
                if low >= 0xDC00 && low < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 1
                }
            }
            if scalar == 0x2019 || scalar == 0x2018 { scalar = 0x27 }
            out += UTF16Text.put(scalar, utf8Scratch + out)
        }
        return out
    }

    private func growScratch(_ length: Int) {
        utf8Scratch.deallocate()
        utf16Scratch.deallocate()
        scratchCapacity = length * 2
        utf8Scratch = .allocate(capacity: scratchCapacity * 4)
        utf8Scratch.initialize(repeating: 0, count: scratchCapacity * 4)  // read 16 bytes at a time
        utf16Scratch = .allocate(capacity: scratchCapacity * 2)
    }

    /// Lowercases and normalises a word or phrase the way tokens are (for lexicon terms).
    public static func normalizeTerm(_ term: String) -> String {
        var s = term.lowercased()
        // ASCII is its own NFKC and has no typographic apostrophes: most terms of a big lexicon
        // need no Foundation call (they were a third of checking one of 200,000 terms).
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        if s.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{2018}" }) {
            s = s.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        }
        return s.precomposedStringWithCompatibilityMapping
    }

    /// The key a form is matched by: the form without the hyphens inside a compound, so that
    /// "zelf-redzaamheid" matches exactly as "zelfredzaamheid" does.
    public static func matchKey(_ form: String) -> String {
        guard form.unicodeScalars.contains(where: isCompoundHyphen) else { return form }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: form.unicodeScalars.lazy.filter { !isCompoundHyphen($0) })
        return String(scalars)
    }

    /// The hyphens that join the parts of a compound token (hyphen-minus, hyphen, non-breaking hyphen).
    static func isCompoundHyphen(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "\u{2010}" || s == "\u{2011}" }

    /// The ICU version, for provenance.
    public static var icuVersion: String {
        var buf = [CChar](repeating: 0, count: 32)
        cicu_version(&buf, 32)
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
