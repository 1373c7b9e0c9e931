/// The context features of one match, shared by training and scoring so both read a match alike:
/// its form (`f:`), the word right before and after it (`l1:`, `r1:`), the second word on each side
/// (`l2:`, `r2:`), and every distinct word within the window on either side (`b:`). Words are
/// lower-case; a side with fewer words gives fewer features.
public enum ContextFeatures {
    /// Words of context on each side, unless a model says otherwise.
    public static let defaultWindow = 20

    /// The features of a match of `form` with `left` (nearest word last) and `right` (nearest
    /// word first), each already cut to the window.
    public static func of(form: String, left: [String], right: [String]) -> [String] {
        let l = left.map { $0.lowercased() }, r = right.map { $0.lowercased() }
        return of(form: form, left1: l.last, left2: l.count >= 2 ? l[l.count - 2] : nil,
                  right1: r.first, right2: r.count >= 2 ? r[1] : nil, bag: l + r)
    }

    /// The features from the parts a coded sheet of features holds (the shared sheets under
    /// `data/coded/` keep no text, only these): the neighbours and the bag of window words.
    public static func of(form: String, left1: String?, left2: String?, right1: String?, right2: String?, bag: [String]) -> [String] {
        var features = ["f:" + form.lowercased()]
        if let w = left1, !w.isEmpty { features.append("l1:" + w.lowercased()) }
        if let w = left2, !w.isEmpty { features.append("l2:" + w.lowercased()) }
        if let w = right1, !w.isEmpty { features.append("r1:" + w.lowercased()) }
        if let w = right2, !w.isEmpty { features.append("r2:" + w.lowercased()) }
        var seen = Set<String>()
        for w in bag where !w.isEmpty && seen.insert(w.lowercased()).inserted { features.append("b:" + w.lowercased()) }
        return features
    }

    /// The words of a context text (a coding sheet's `left` or `right` cell): runs of letters and
    /// digits, with inner hyphens and apostrophes kept ("1-1-2015", "zo'n").
    public static func words(_ text: String) -> [String] {
        var words = [String](), current = ""
        for ch in text {
            if ch.isLetter || ch.isNumber || ((ch == "-" || ch == "'" || ch == "’") && !current.isEmpty) {
                current.append(ch)
            } else if !current.isEmpty {
                words.append(current.trimmingTail())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.trimmingTail()) }
        return words.filter { !$0.isEmpty }
    }
}

private extension String {
    /// Without trailing hyphens or apostrophes.
    func trimmingTail() -> String {
        var s = self
        while let last = s.last, last == "-" || last == "'" || last == "’" { s.removeLast() }
        return s
    }
}
