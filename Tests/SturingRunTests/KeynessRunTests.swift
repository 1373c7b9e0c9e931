import SturingAnalysis
import SturingCore
@testable import SturingRun
import Testing

/// How `keyness` chooses its target plans: by a manifest field in any of the manifest's
/// spellings, by file, or the highest on a perspective.
@Suite struct KeynessRunTests {
    static let plans = [
        Plan(municipality: "Aa", category: "G4", region: "noord", province: "Groningen", files: ["a.pdf"]),
        Plan(municipality: "Bee", category: "100.000-", region: "Noord", province: "Drenthe", files: ["b1.pdf", "b2.pdf"]),
        Plan(municipality: "Cee", category: "100.000-", region: "zuid", province: "Limburg", year: "2019", files: ["c.pdf"]),
    ]
    static let ranking = Ranking(rows: [
        ShareRow(municipality: "Aa", profile: ShareProfile([10, 20, 30, 40])),
        ShareRow(municipality: "Bee", profile: ShareProfile([40, 30, 20, 10])),
        ShareRow(municipality: "Cee", profile: ShareProfile([30, 30, 20, 20])),
    ])

    static func target(_ t: KeynessRun.Target) throws -> Set<String> {
        try KeynessRun.targetMunicipalities(t, plans: plans, ranking: ranking)
    }

    @Test func aFieldIsNamedAsInTheManifestAndItsValueIgnoresCase() throws {
        #expect(try Self.target(.field("region=noord")) == ["Aa", "Bee"])
        #expect(try Self.target(.field("Regio = NOORD")) == ["Aa", "Bee"])
        #expect(try Self.target(.field("grootte=100.000-")) == ["Bee", "Cee"])
        #expect(try Self.target(.field("jaar=2019")) == ["Cee"])
        #expect(try Self.target(.field("provincie=Utrecht")).isEmpty)
    }

    @Test func anUnknownFieldOrAMissingValueIsAClearError() {
        let unknown = #expect(throws: RunError.self) { try Self.target(.field("landschap=noord")) }
        #expect(unknown?.description.hasPrefix("--target must be FIELD=VALUE with a manifest field") == true)
        #expect(unknown?.description.hasSuffix("(got 'landschap=noord')") == true)
        #expect(throws: RunError.self) { try Self.target(.field("region")) }
    }

    @Test func filesAndTheHighestOnAPerspectiveChooseTheirPlans() throws {
        #expect(try Self.target(.files(["b2.pdf", "x.pdf"])) == ["Bee"])
        #expect(try Self.target(.highest(.pa, top: 2)) == ["Bee", "Cee"])
        #expect(try Self.target(.highest(.sr, top: 1)) == ["Aa"])
    }
}
