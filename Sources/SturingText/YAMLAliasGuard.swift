/// Refuses YAML aliases before Yams reads a lexicon or dictionary file.
///
/// An alias (`*name`) repeats the node its anchor (`&name`) marks, so a few hundred bytes of
/// aliases of aliases stand for billions of words (an "alias bomb"), and Yams expands them while
/// it reads: it hashes every mapping key in full, so an alias used as a key costs the whole
/// expansion before any check of ours could run. Lexicons and dictionaries need no aliases (the
/// tools that write them never use one), so any alias of a defined anchor is refused: reading
/// stays linear in the size of the file. This is the one limit for `--lexicon` and for
/// `lexicon import`.
enum YAMLAliasGuard {
    /// Throws when `text` uses an alias of an anchor it defines; `path` names the file.
    static func check(_ text: String, path: String) throws(LexiconError) {
        if let alias = firstAlias(in: text) {
            throw LexiconError(file: path, line: alias.line,
                               message: "uses the YAML alias *\(alias.name); sturing reads no aliases, so that a small file cannot stand for millions of words (write the words out in full)")
        }
    }

    /// The first alias of a defined anchor, with its 1-based line, or nil. Quoted scalars and
    /// comments are skipped; anchors and aliases are recognised where a YAML token can start
    /// (libyaml's anchor names: letters, digits, `-` and `_`), so an unquoted glob such as
    /// `zelfredza*` is not one.
    static func firstAlias(in text: String) -> (name: String, line: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "*")), bytes.contains(UInt8(ascii: "&")) else { return nil }
        var anchors = Set<ArraySlice<UInt8>>()
        var line = 1
        var i = 0
        let n = bytes.count
        func startsToken(_ k: Int) -> Bool {
            guard k > 0 else { return true }
            switch bytes[k - 1] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                 UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                return true
            default:
                return false
            }
        }
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { line += 1; i += 1; continue }
            guard startsToken(i) else { i += 1; continue }
            switch b {
            case UInt8(ascii: "#"):
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\""):
                i += 1
                while i < n && bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    if i < n && bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    i += 1
                }
                i += 1
            case UInt8(ascii: "'"):
                i += 1
                while i < n {
                    if bytes[i] == UInt8(ascii: "'") {
                        if i + 1 < n && bytes[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                        break
                    }
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    i += 1
                }
                i += 1
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                var end = i + 1
                while end < n && isNameByte(bytes[end]) { end += 1 }
                let name = bytes[(i + 1)..<end]
                if !name.isEmpty {
                    if b == UInt8(ascii: "&") {
                        anchors.insert(name)
                    } else if anchors.contains(name) {
                        return (String(decoding: name, as: UTF8.self), line)
                    }
                }
                i = end
            default:
                i += 1
            }
        }
        return nil
    }
}
