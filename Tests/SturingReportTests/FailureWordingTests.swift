import Foundation
import SturingCore
import Testing
@testable import SturingReport

/// A file that could not be read is explained in the report's language, from its reason; the
/// reason survives scores.json and the journal, so `sturing report` and `merge` say it again.
@Suite struct FailureWordingTests {
    @Test func aReadFailureIsWordedInDutchAndOthersKeepTheirSentence() {
        let damaged = FileFailure(file: "kapot.pdf", reason: .damagedPDF("PDF document is damaged"))
        #expect(damaged.error.hasPrefix("PDF is damaged or truncated: PDF document is damaged"))
        #expect(Labels(.dutch).failure(damaged)
            == "de PDF is beschadigd of onvolledig: PDF document is damaged (download het plan opnieuw, of herstel het, bijvoorbeeld met `qpdf in.pdf uit.pdf`)")
        #expect(Labels(.english).failure(damaged) == damaged.error)
        #expect(Labels(.dutch).failure(FileFailure(file: "x.pdf", reason: .noTextLayer(pages: 1))).hasPrefix("de PDF heeft 1 pagina maar geen tekstlaag"))
        #expect(Labels(.dutch).failure(FileFailure(file: "x.pdf", reason: .blankPDF(pages: 3))).hasPrefix("de PDF heeft 3 pagina's, allemaal leeg"))
        let manifestRow = FileFailure(file: "manifest.csv:4", error: "no municipality (the row is skipped)")
        #expect(Labels(.dutch).failure(manifestRow) == manifestRow.error)
    }

    @Test func theReasonSurvivesScoresJSONAndTheJournal() throws {
        let failures = [FileFailure(file: "traag.pdf", reason: .timedOut(seconds: 2, format: "PDF")), FileFailure(file: "leeg.txt", reason: .empty),
                        FileFailure(file: "manifest.csv:4", error: "no municipality (the row is skipped)")]
        for f in failures {
            let line = ScoreJSON.error(f).serialized()
            #expect(ScoreJSON.decodeFailure(try JSONValue.parse(line)) == f, "\(line)")
            #expect(try JSONDecoder().decode(FileFailure.self, from: JSONEncoder().encode(f)) == f)
        }
        // Written the same way every time (keys sorted), and a failure without a reason as before.
        #expect(ScoreJSON.error(failures[0]).serialized() == ScoreJSON.error(failures[0]).serialized())
        #expect(ScoreJSON.error(failures[2]).serialized() == #"{"file":"manifest.csv:4","error":"no municipality (the row is skipped)"}"#)
        #expect(Labels(.dutch).failure(failures[0]).hasPrefix("gestopt na 2 s: het lezen van de PDF kwam 2 s niet verder"))
    }
}
