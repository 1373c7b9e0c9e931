import Testing
@testable import SturingText

@Suite struct FormInternerTests {
    /// The short-form cache never changes an id: forms of every length up to and past 16 bytes,
    /// many more than the cache holds (so entries are evicted), prefixes of one another, and
    /// forms that differ only past their eighth byte.
    @Test func cachedLookupGivesTheTablesIds() {
        let interner = FormInterner(capacity: 16)
        var forms = [String]()
        for n in 0..<6000 { forms.append("w\(n)") }
        for n in 1...40 { forms.append(String(repeating: "ë", count: n / 2) + String(repeating: "a", count: n % 2)) }
        forms += ["zelfredzaamheid", "zelfredzaamheden", "zelfredzaam", "participatiewet1", "participatiewet2", "abcdefgh", "abcdefghi"]
        var ids = [String: Int32]()
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        buffer.initialize(repeating: 0xFF, count: 256)  // stale bytes past each form must not matter
        defer { buffer.deallocate() }
        for round in 0..<3 {
            for form in round == 1 ? forms.reversed() : forms {
                let bytes = Array(form.utf8)
                bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: $0.count) }
                let id = interner.intern(readable16: buffer, bytes.count)
                if let known = ids[form] { #expect(known == id, "\(form)") } else { ids[form] = id }
                #expect(interner.form(id) == form)
            }
        }
        #expect(interner.count == Set(forms).count)
    }
}
