/// Page numbers written compactly: "1-4, 7".
public enum PageList {
    /// The compact form of sorted 1-based page numbers, runs joined by `dash` ("1-4, 7").
    public static func format(_ pages: [Int], dash: String = "-") -> String {
        var parts = [String]()
        var i = 0
        let sorted = pages.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(j > i ? "\(sorted[i])\(dash)\(sorted[j])" : "\(sorted[i])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
