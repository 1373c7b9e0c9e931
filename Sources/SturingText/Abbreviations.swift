/// Dutch abbreviations after which a full stop does not end a sentence ("art. 2", "o.a. de
/// gemeente", "Kst. 33 841", "bijv."), as the tokenizer forms them (lowercased, inner stops kept:
/// "o.a"). Found by form id, so the check costs a dictionary look-up only at a full stop.
struct Abbreviations {
    /// How an abbreviation's full stop counts.
    enum Kind {
        /// Never ends a sentence ("art.", "nr.", "o.a.").
        case inner
        /// Ends a list and often a sentence ("enz.", "etc."): a break when the next word starts with a capital.
        case listEnd
        /// A single letter: an initial ("J. de Vries") when it is written as a capital, else a word ("u.").
        case letter
    }

    /// Abbreviations whose full stop never ends a sentence.
    static let inner = [
        "a.s", "afb", "art", "artt", "b.v", "bijl", "bijv", "blz", "bv", "c.q", "ca", "cf", "d.d", "d.w.z", "dd", "dhr", "dr", "drs",
        "e.g", "e.v", "evt", "excl", "fig", "gem", "hfd", "hst", "i.c", "i.c.m", "i.e", "i.h.k.v", "i.o", "i.o.m", "i.p.v", "i.s.m",
        "i.v.m", "incl", "ing", "ir", "jl", "jo", "jr", "kst", "m.b.t", "m.i.v", "m.m.v", "m.n", "m.u.v", "max", "mevr", "mld",
        "mln", "mr", "mrd", "mw", "n.a.v", "n.v", "n.v.t", "nr", "nrs", "nv", "o.a", "o.b.v", "o.m", "o.v.v", "ong", "p", "p.m",
        "pag", "par", "pp", "prof", "red", "resp", "sr", "st", "stb", "stcrt", "stct", "t.a.v", "t.b.v", "t.g.v", "t.o.v", "t.w",
        "t.z.t", "tab", "tel", "v.w.b", "vgl", "vs", "w.o", "z.g", "z.g.a", "z.s.m", "zgn",
    ]
    /// Abbreviations that end a list ("enz."), and a sentence when a capital follows.
    static let listEnds = ["e.a", "e.d", "e.e.a", "enz", "etc", "o.i.d"]

    private let kinds: [Int32: Kind]

    /// The abbreviations interned in `interner` (so they have ids before any text is read).
    init(interner: FormInterner) {
        var kinds = [Int32: Kind]()
        for (list, kind) in [(Self.inner, Kind.inner), (Self.listEnds, .listEnd)] {
            for form in list {
                var bytes = Array(form.utf8)
                kinds[bytes.withUnsafeMutableBufferPointer { interner.intern($0.baseAddress!, $0.count) }] = kind
            }
        }
        self.kinds = kinds
    }

    /// The kind of form `id`, or nil when a full stop after it ends a sentence.
    @inline(__always)
    func kind(_ id: Int32, interner: FormInterner) -> Kind? {
        if let k = kinds[id] { return k }
        return interner.byteCount(id) == 1 ? .letter : nil
    }
}
