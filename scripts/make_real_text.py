#!/usr/bin/env python3
"""Deterministic real-shaped Dutch policy text for benchmarks.

Synthetic text with a few dozen words hides the slow paths of a text pipeline. This generator
writes text shaped like pdftotext output of Dutch Wmo and social-domain plans: pages separated by
form feeds with running headers, footers and page numbers; paragraphs wrapped at 70-95 characters
with line-end hyphenation, or long one-line paragraphs; bullets and numbered lists; section
numbers; curly quotes and apostrophes (thema's); diacritics (cliënt, coördinatie, één); numbers,
amounts and percentages; abbreviations; and a large vocabulary with a Zipf-like frequency (function
words, domain words, their inflections and tens of thousands of compounds), with the appendix C
signal words at about the rate they have in real plans.

With --extracted the text is shaped like the output of other PDF-to-text tools (Tika, PyPDF,
pdfminer) instead: a blank line after every line in about half the documents, most lines ending in
a space, the private-use bullets of Word's Symbol font (U+F0B7, U+F0A7) beside "•", and in about a
third of the documents some lines in a font without a Unicode map, which such tools give as control
characters (U+000E-U+001F; about one character in ten of some real municipal budgets).

usage: make_real_text.py OUT --mb 16.8 [--files 1] [--seed 1] [--extracted]
       make_real_text.py OUTDIR --plans N --pages P [--seed 1] [--extracted]
"""
import argparse
import os
import random

FUNCTION = ("de het een en van in op met voor aan te is zijn wordt worden dat die deze dit wij zij we "
            "ook niet om door bij naar als of over uit tot er nog meer dan maar wel al kan moet willen "
            "hebben heeft hun onze ons zich zo waar wanneer omdat zodat hierbij daarbij hiervoor tussen "
            "binnen vanuit samen elkaar iedereen alle andere nieuwe goede eigen sociale lokale").split()
NOUNS = ("zorg ondersteuning jeugd jeugdhulp wijk buurt beleid plan uitvoering welzijn mantelzorg "
         "mantelzorger voorziening voorzieningen participatie kosten budget aanbieder aanbieders "
         "verordening inwoner inwoners gemeente gemeenten college raad gemeenteraad cliënt cliënten "
         "huishouden hulp begeleiding dagbesteding vervoer woning wonen armoede schulden werk "
         "inkomen toegang loket team teams professional professionals organisatie organisaties "
         "netwerk netwerken partner partners school scholen huisarts huisartsen onderwijs veiligheid "
         "gezondheid preventie signalering opvang bescherming kwaliteit resultaat resultaten "
         "doel doelen doelstelling opgave opgaven transformatie transitie decentralisatie taak "
         "taken middelen financiering contract contracten inkoop aanbesteding monitor monitoring "
         "indicator indicatoren evaluatie regie coördinatie afstemming samenhang visie ambitie "
         "uitgangspunt uitgangspunten kader kaders regel regels wet wetten maatregel maatregelen "
         "mens mensen burger burgers ouder ouderen kind kinderen gezin gezinnen jongere jongeren "
         "vrijwilliger vrijwilligers initiatief initiatieven maatschappij samenleving gemeenschap "
         "dienst diensten dienstverlening sturing aansturing verantwoording informatie gegevens "
         "privacy klacht klachten bezwaar beroep ondersteuningsplan gesprek keukentafelgesprek "
         "melding aanvraag aanvragen beschikking indicatie eigen bijdrage persoonsgebonden budget").split()
VERBS = ("ondersteunen bieden zorgen werken samenwerken versterken verbeteren ontwikkelen stimuleren "
         "faciliteren realiseren organiseren inzetten investeren besparen meten monitoren sturen "
         "regelen bepalen besluiten beoordelen toetsen aanvragen ontvangen leveren inkopen verbinden "
         "creëren innoveren participeren meedoen vertrouwen helpen voorkomen signaleren "
         "bevorderen waarborgen garanderen vastleggen uitvoeren evalueren").split()
ADJ = ("belangrijk integraal lokaal regionaal kwetsbaar zelfstandig zelfredzaam flexibel "
       "laagdrempelig effectief efficiënt doelmatig toegankelijk passend nieuw huidig financieel "
       "maatschappelijk professioneel gezamenlijk wederkerig duurzaam betaalbaar tijdelijk").split()
LINKS = ["", "s", "en"]
BULLETS = ["• ", "- ", "▪ ", "– ", "o "]
ABBREV = ["Wmo", "CJG", "AWBZ", "WWB", "PGB", "Pgb", "GGD", "ggz", "e.d.", "o.a.", "m.b.t.", "i.s.m.", "CAK", "VNG", "SVB"]
NAMES = ["Regelrecht", "Prestadam", "Netwerkerveen", "Meedoenburg", "Kaderkerk", "Zelfredzaamwoude",
         "Veerkrachtveen", "Samenstede", "Middelhoven", "Grootrekenstad"]


def inflect(rng, word):
    r = rng.random()
    if word in VERBS:
        stem = word[:-2] if word.endswith("en") else word
        return rng.choice([word, word, stem + "t", "ge" + stem + "d", stem + "de", stem + "den", word + "de"])
    if word in ADJ:
        return rng.choice([word, word + "e", word + "er", word + "ere"]) if r < 0.5 else word
    return word


class Vocabulary:
    def __init__(self, rng, compounds=40000):
        base = NOUNS + VERBS + ADJ
        comps = set()
        while len(comps) < compounds:
            a, b = rng.choice(NOUNS), rng.choice(NOUNS + VERBS)
            if a == b:
                continue
            comps.add(a + rng.choice(LINKS) + b)
        self.compounds = sorted(comps)
        rng.shuffle(self.compounds)
        self.base = base
        # Zipf-like: rank r gets weight 1/r.
        self.cum = []
        total = 0.0
        for r in range(1, len(self.compounds) + 1):
            total += 1.0 / r
            self.cum.append(total)
        self.total = total

    def compound(self, rng):
        x = rng.random() * self.total
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return self.compounds[lo]


def word(rng, vocab):
    r = rng.random()
    if r < 0.45:
        return rng.choice(FUNCTION)
    if r < 0.75:
        return inflect(rng, rng.choice(vocab.base))
    if r < 0.93:
        return vocab.compound(rng)
    if r < 0.96:
        return rng.choice(ABBREV)
    if r < 0.985:
        return rng.choice(["2015", "2016", "2018", "€ 1.250.000", "12,5%", "3.2", "25", "€ 450", "1 januari 2015", "art. 2.3.5"])
    return rng.choice(["thema’s", "‘eigen kracht’", "“samen doen”", "één", "coördinatie", "cliënten", "reïntegratie", "geëvalueerd", "café’s"])


def sentence(rng, vocab):
    n = rng.randint(6, 28)
    words = [word(rng, vocab) for _ in range(n)]
    words[0] = words[0][:1].upper() + words[0][1:]
    s = " ".join(words)
    if rng.random() < 0.15:
        cut = s.find(" ", len(s) // 2)
        if cut > 0:
            s = s[:cut] + "," + s[cut:]
    return s + rng.choice([".", ".", ".", ":", ";", "?"])


def paragraph(rng, vocab):
    return " ".join(sentence(rng, vocab) for _ in range(rng.randint(2, 9)))


def wrap(rng, text, width, hyphenate):
    lines, line = [], ""
    for w in text.split(" "):
        if len(line) + 1 + len(w) <= width:
            line = (line + " " + w) if line else w
            continue
        if hyphenate and len(w) > 9 and w.isalpha() and rng.random() < 0.5:
            k = rng.randint(4, len(w) - 4)
            if len(line) + 1 + k < width + 4:
                lines.append((line + " " + w[:k] + "-") if line else w[:k] + "-")
                line = w[k:]
                continue
        lines.append(line)
        line = w
    if line:
        lines.append(line)
    return "\n".join(lines)


def page(rng, vocab, number, name, target_chars, style):
    header = f"Beleidsplan Wmo 2015-2018 | Gemeente {name}"
    parts = [header, ""]
    size = 0
    while size < target_chars:
        r = rng.random()
        if r < 0.08:
            block = f"{rng.randint(1, 9)}.{rng.randint(1, 9)} " + " ".join(rng.choice(NOUNS).capitalize() if i == 0 else rng.choice(NOUNS) for i in range(rng.randint(2, 5)))
        elif r < 0.25:
            bullet = rng.choice(BULLETS)
            block = "\n".join(bullet + sentence(rng, vocab) for _ in range(rng.randint(2, 6)))
        else:
            p = paragraph(rng, vocab)
            block = wrap(rng, p, rng.randint(70, 95), True) if style == "wrapped" else p
        parts.append(block)
        parts.append("")
        size += len(block)
    parts.append(f"{number}")
    return "\n".join(parts)


def document(rng, vocab, name, pages, chars_per_page, extracted=False):
    style = "wrapped" if rng.random() < 0.7 else "long"
    text = "\f".join(page(rng, vocab, i + 1, name, chars_per_page, style) for i in range(pages)) + "\n"
    return extract_shape(rng, text) if extracted else text


def extract_shape(rng, text):
    """The text as other PDF-to-text tools give it: Symbol-font bullets, lines ending in a space,
    and in about half the documents a blank line after every line."""
    double = rng.random() < 0.5
    garbled = rng.random() < 0.33
    out = []
    page = 0
    for line in text.split("\n"):
        page += line.count("\f")
        # The cover page reads well; later pages hold the tables.
        if garbled and page > 0 and rng.random() < 0.12:
            line = "".join(ch if ch == " " else chr(0x0E + ord(ch) % 18) for ch in line)
        for bullet in BULLETS[:3]:
            if line.startswith(bullet):
                line = rng.choice(["\uf0b7 ", "\uf0a7 ", "• "]) + line[len(bullet):]
                break
        if line and rng.random() < 0.6:
            line += " "
        out.append(line)
        if double and line:
            out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float)
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--plans", type=int)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--extracted", action="store_true", help="shape the text like other PDF-to-text tools' output")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    vocab = Vocabulary(rng)
    if a.plans:
        os.makedirs(a.out, exist_ok=True)
        width = len(str(a.plans))
        for i in range(a.plans):
            name = f"{rng.choice(NAMES)}{i}"
            with open(os.path.join(a.out, f"plan-{i:0{width}d}.txt"), "w", encoding="utf-8") as f:
                f.write(document(rng, vocab, name, a.pages, 2600, a.extracted))
        return
    target = int((a.mb or 16.8) * 1_000_000)
    if a.files > 1:
        os.makedirs(a.out, exist_ok=True)
    per_file = target // a.files
    for i in range(a.files):
        path = os.path.join(a.out, f"plan-{i:05d}.txt") if a.files > 1 else a.out
        with open(path, "w", encoding="utf-8") as f:
            written = 0
            while written < per_file:
                d = document(rng, vocab, rng.choice(NAMES), rng.randint(20, 60), 2600, a.extracted)
                f.write(d)
                written += len(d.encode("utf-8"))


if __name__ == "__main__":
    main()
