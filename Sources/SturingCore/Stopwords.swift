/// Function words that `keyness` and `lexicon suggest` leave out by default, so their lists show
/// content words. Dutch: the Snowball Dutch stop list (snowballstem.org/algorithms/dutch/stop.txt,
/// BSD licence, 101 words) and function words of policy prose it lacks (we, wel, onze, zodat,
/// waarbij, daarnaast …). Content words such as *eigen*, *samen* or *mee* are not in it: they
/// carry perspectives (*eigen kracht*, *werken … samen*).
public enum Stopwords {
    /// The Snowball Dutch stop list.
    public static let snowballDutch: [String] = """
        de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat \
        mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog \
        zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder \
        ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
        """.split(separator: " ").map(String.init)

    /// Function words of Dutch policy prose beyond the Snowball list.
    public static let policyDutch: [String] = """
        we wij wel onze jullie zullen zouden kunnen mogen moeten gaat gaan komt komen laat hebt bent den des het wordt \
        werden zodat waarbij waarin waarmee waarop waarvan waardoor daarbij daarin daarmee daarop daarvan daarnaast \
        daarom daardoor hierbij hierin hiermee hiervan hiervoor hierop alle elk elke ieder iedere enkele sommige \
        binnen buiten via per tussen vanuit vanaf rond zoals sinds tijdens volgens door middel even echter wel \
        welke welk waar wanneer omdat indien mits tenzij terwijl hoewel ofwel zowel evenals alsook etc enz bijv oa
        """.split(separator: " ").map(String.init)

    /// The default set for a lexicon language (`nl`; other languages get the Dutch set only when
    /// asked, so an English lexicon's words are not hidden by Dutch ones).
    public static func set(language: String) -> Set<String> {
        language.lowercased().hasPrefix("nl") ? Set(snowballDutch + policyDutch) : []
    }

    /// True when `word` is a number or holds a digit ("2024", "1e", "3,5"): left out with the stopwords.
    public static func isNumeric(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    /// The default filter for a lexicon language: stopwords and numbers.
    public static func leaveOut(language: String) -> @Sendable (String) -> Bool {
        let words = set(language: language)
        return { words.contains($0) || isNumeric($0) }
    }
}
