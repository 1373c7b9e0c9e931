import Foundation
import Testing
@testable import SturingCore

/// Dates in outputs are the same text as Foundation's ISO 8601 formatter gives, in UTC.
@Suite struct UTCTimeTests {
    @Test func sameTextAsFoundation() {
        let iso = ISO8601DateFormatter()
        let compact = DateFormatter()
        compact.locale = Locale(identifier: "en_US_POSIX")
        compact.timeZone = TimeZone(identifier: "UTC")
        compact.dateFormat = "yyyyMMdd'T'HHmmss"
        for seconds in [0, 951_782_400, 1_700_000_000, 1_795_000_000, 4_102_444_799] {  // 1970, 29 Feb 2000, 2023, 2026, end of 2099
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(UTCTime.iso8601(seconds) == iso.string(from: date))
            #expect(UTCTime.compact(seconds) == compact.string(from: date))
        }
        #expect(UTCTime.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
    }
}
