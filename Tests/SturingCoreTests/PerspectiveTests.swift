import Foundation
import Testing
@testable import SturingCore

@Suite struct PerspectiveTests {
    @Test func fixedOrderAndLabels() {
        #expect(Perspective.allCases.map(\.code) == ["PA", "NPM", "NPG", "SR"])
        #expect(Perspective.allCases.map(\.index) == [0, 1, 2, 3])
        #expect(Perspective.pa.dutchLabel == "rechtmatige overheid")
        #expect(Perspective.sr.englishLabel == "Societal Resilience")
    }

    @Test func parsesCodes() {
        #expect(Perspective(code: " npg ") == .npg)
        #expect(Perspective(code: "XX") == nil)
    }

    @Test func sha256OfKnownInput() {
        #expect(SHA256Hex.digest(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
