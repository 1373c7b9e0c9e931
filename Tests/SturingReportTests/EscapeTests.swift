import Testing
@testable import SturingReport

/// One escaping function per output format, on Unicode scalars (issue 9).
@Suite struct EscapeTests {
    /// A quote followed by a combining acute: one Character that is not `"`, but still the scalar `"`.
    static let quoteMark = "Aa\"\u{301}><svg onload=alert(1)>"
    static let commaMark = "Bee,\u{301}rs"

    @Test func htmlEscapesScalarsHiddenInCharacters() {
        let e = Escape.html(Self.quoteMark)
        #expect(!e.unicodeScalars.contains("\"") && !e.unicodeScalars.contains("<") && !e.unicodeScalars.contains(">"))
        #expect(e == "Aa&quot;\u{301}&gt;&lt;svg onload=alert(1)&gt;")
        #expect(Escape.html("it's & <b>") == "it&#39;s &amp; &lt;b&gt;")
        #expect(Escape.html("bel\u{07}esc\u{1B}") == "bel\u{FFFD}esc\u{FFFD}")
    }

    @Test func csvQuotesOnScalarsAndNeutralisesFormulas() {
        #expect(Escape.csvField(Self.commaMark) == "\"Bee,\u{301}rs\"")
        #expect(Escape.csvField("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
        #expect(Escape.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(Escape.csvField("+31 6") == "'+31 6")
        #expect(Escape.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(Escape.csvField("\tx") == "'\tx")
        #expect(Escape.csvField("\rx") == "\"'\rx\"")
        #expect(Escape.csvField("-x") == "'-x")
        #expect(Escape.csvField("-0.5") == "-0.5")  // a number stays a number
        #expect(Escape.csvField("-0,5", delimiter: ";") == "-0,5")
        #expect(Escape.csvField("a;b", delimiter: ";") == "\"a;b\"")
        #expect(Escape.csvField("regel\nnieuw") == "\"regel\nnieuw\"")
    }

    @Test func markdownHasNoRawAngleBracketsPipesOrBackticks() {
        let e = Escape.markdown("a|b`c`<script>\r\n#x")
        #expect(!e.contains("<") && !e.contains("\r") && !e.contains("\n"))
        #expect(e == "a\\|b\\`c\\`&lt;script&gt;\\u{D}\\u{A}\\#x")
        #expect(Escape.markdown(Self.quoteMark).unicodeScalars.contains("<") == false)
    }

    @Test func terminalShowsControlCharacters() {
        #expect(Escape.terminal("Rood\u{1B}[31m\u{07}\r\nx\u{202E}y") == "Rood\\u{1B}[31m\\u{7}\\u{D}\\u{A}x\\u{202E}y")
        #expect(Escape.terminal("gewoon één") == "gewoon één")
        #expect(Escape.terminal("c1\u{9B}") == "c1\\u{9B}")
    }

    @Test func csvTextEndsWithANewlineAndKeepsColumns() {
        let text = CSVText.write([["a", "b"], [Self.commaMark, "=1+1"]])
        #expect(text == "a,b\n\"Bee,\u{301}rs\",'=1+1\n")
    }
}

/// Issue 22, item 17: text for the terminal keeps its lines but shows escape sequences.
@Suite struct TerminalTextTests {
    @Test func escapeSequencesAreShownLinesKept() {
        #expect(Escape.terminalText("regel één\n\u{1B}[31mrood\u{1B}[0m\tklaar\u{0C}\n") == "regel één\n\\u{1B}[31mrood\\u{1B}[0m\tklaar\u{0C}\n")
        #expect(Escape.terminalText("gewoon") == "gewoon")
    }
}
