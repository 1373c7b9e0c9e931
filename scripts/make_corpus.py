#!/usr/bin/env python3
"""Generates the demo corpus in Corpus/: synthetic Wmo policy plans of fictional municipalities
with different steering profiles, the size and shape of real plans (8,000-20,000 words in
chapters with headings, bullet lists, a budget table, footnotes and an appendix; the PDFs with a
running header, page numbers, line-end hyphenation and a two-column chapter), as PDF, text, a web
page and a Word file, plus one short scanned plan read by OCR, and manifest.csv.
Deterministic: the same script gives the same files. Run `make fixtures` after changing it."""
import csv
import html
import os
import random
import subprocess
import sys
import tempfile
import zipfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Corpus")

NEUTRAL = [
    "Dit beleidsplan beschrijft hoe de gemeente de Wmo 2015 uitvoert.",
    "Inwoners met een beperking moeten zo lang mogelijk thuis kunnen wonen.",
    "Het plan loopt van 2015 tot en met 2018 en wordt elk jaar besproken met de raad.",
    "De gemeente ontvangt minder geld van het Rijk voor de nieuwe taken.",
    "Mantelzorgers verdienen steun, want zij doen veel voor hun naasten.",
    "In de wijken ligt de basis voor goede ondersteuning dichtbij huis.",
]
POOLS = {
    "PA": [
        "De gemeente stelt duidelijke kaders vast voor de toegang tot de zorg.",
        "Wij regelen de rechtsbescherming van inwoners zorgvuldig in de verordening.",
        "Ieder heeft recht op een zorgvuldig besluit over een aanvraag.",
        "De regels voor het aanvragen van een voorziening zijn helder en openbaar.",
        "Wij bieden de garantie dat bestaande zorg in 2015 doorloopt.",
        "Het toegangsproces is vastgelegd, met aandacht voor medezeggenschap en bescherming van kwetsbare inwoners.",
        "Het zorgaanbod sluit aan bij de behoefte van inwoners en geeft zekerheid.",
        "Een professionele administratie maakt besluiten controleerbaar.",
    ],
    "NPM": [
        "Wij meten de resultaten van de ondersteuning met heldere prestatie-indicatoren.",
        "De bezuiniging op de huishoudelijke hulp vraagt om een efficiënte uitvoering.",
        "Aanbieders leveren hun prestaties volgens vaste kwaliteitseisen.",
        "Het toezicht op de kwaliteit wordt verscherpt; wij sturen op resultaat.",
        "Een besparing is mogelijk door doelmatig en effectief in te kopen op de markt.",
        "Beheersmaatregelen voorkomen dat het budget wordt overschreden.",
        "De korting op het budget vraagt om verbetering van de werkprocessen.",
        "Wij sturen op doeltreffende en efficiënte inzet van middelen.",
    ],
    "NPG": [
        "Wij willen samenwerken met aanbieders, huisartsen en het maatschappelijk middenveld.",
        "Het wijkteam verbindt inwoners met de juiste hulp in de buurt.",
        "De samenwerking tussen partners in het netwerk wordt versterkt.",
        "Samen met partners creëren wij laagdrempelige voorzieningen.",
        "Innovatie in de zorg ontstaat door partnerschap met aanbieders.",
        "De gemeente is opdrachtgever en geeft opdrachten aan de wijkteams.",
        "De klant staat centraal en diensten worden flexibel ingezet.",
        "Wij regisseren het netwerk en werken samen aan een gezamenlijke taak.",
    ],
    "SR": [
        "Inwoners participeren actief en doen mee in hun buurt.",
        "Wij rekenen op de zelfredzaamheid en de veerkracht van de samenleving.",
        "Vrijwilligers en mantelzorgers zijn onmisbaar voor een sterke gemeenschap.",
        "De participatiesamenleving vraagt dat inwoners zelfstandig verantwoordelijkheden nemen.",
        "Maatwerk begint bij wat inwoners zelf en met hun netwerk kunnen.",
        "Wij hebben vertrouwen in de burgerkracht van onze maatschappij.",
        "Wederkerige hulp tussen buren versterkt de betrokkenheid.",
        "Meedoen is het uitgangspunt: iedereen doet gezamenlijk mee.",
    ],
}
# name, category, region, province, weights PA/NPM/NPG/SR, format
PLANS = [
    ("Regelrecht", "100.000-", "oost", "Gelderland", (9, 1, 1, 1), "pdf"),
    ("Prestadam", "100.000+", "west", "Zuid-Holland", (1, 6, 1, 1), "pdf"),
    ("Netwerkerveen", "100.000-", "noord", "Drenthe", (1, 1, 6, 1), "txt"),
    ("Meedoenburg", "100.000-", "zuid", "Limburg", (1, 1, 1, 6), "txt"),
    ("Middelhoven", "100.000+", "west", "Utrecht", (2, 2, 3, 3), "pdf"),
    ("Kaderkerk", "100.000-", "noord", "Groningen", (4, 3, 1, 1), "txt"),
    ("Samenstede", "100.000+", "oost", "Overijssel", (1, 2, 4, 3), "pdf"),
    ("Zelfredzaamwoude", "100.000-", "west", "Noord-Holland", (1, 1, 2, 5), "txt"),
    ("Groot-Rekenstad", "G4", "west", "Noord-Holland", (2, 5, 2, 1), "pdf"),
    ("Veerkrachtveen", "100.000-", "zuid", "Noord-Brabant", (2, 1, 3, 4), "txt"),
    # One plan of each other format a municipality publishes: a scan (read by OCR), a web page
    # (with navigation and a script to leave out) and a Word document (with a deleted change).
    ("Scanhoven", "100.000-", "oost", "Flevoland", (3, 3, 2, 1), "scan"),
    ("Webdorp", "100.000+", "zuid", "Zeeland", (1, 2, 2, 4), "html"),
    ("Woordwijk", "100.000-", "noord", "Friesland", (2, 1, 4, 2), "docx"),
]


# Words that build varied neutral sentences (a real plan says much that signals no perspective).
SUBJECTS = ["De gemeente", "Het college", "De raad", "De wethouder", "De afdeling Zorg", "Het Rijk",
            "De provincie", "Het sociaal team", "De adviesraad", "De ombudsman", "Het zorgkantoor"]
VERBS = ["bespreekt", "beschrijft", "onderzoekt", "bekijkt", "publiceert", "evalueert", "ontvangt", "bereidt voor",
         "actualiseert", "informeert over", "licht toe"]
OBJECTS = ["de uitvoering van de Wmo", "de toegang tot hulp bij het huishouden", "de cijfers over 2014",
           "de ervaringen van cliënten", "het woonbeleid voor ouderen", "de vervoersvoorziening",
           "de overgang van de AWBZ", "de gevolgen van de decentralisatie", "de wachttijden bij het loket",
           "het aantal plaatsen voor beschut wonen", "de kosten van dagbesteding", "de signalen uit de wijken",
           "de informatie op de website", "de planning voor de komende jaren", "de begroting van 2016"]
TAILS = ["in het voorjaar", "twee keer per jaar", "samen met de regio", "voor de zomer", "in overleg met de raad",
         "op basis van gegevens uit 2014", "in elke wijk", "met een korte toelichting", "zoals in 2014"]
CHAPTERS = ["Inleiding", "Visie en uitgangspunten", "Wettelijk kader", "Toegang en ondersteuning", "Financiën",
            "Kwaliteit en toezicht", "Samenwerking in de wijk", "Inwoners en hun netwerk", "Uitvoering en planning"]


def neutral(rnd):
    if rnd.random() < 0.1:
        return rnd.choice(NEUTRAL)
    return f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)} {rnd.choice(TAILS)}."


def plan_text(name, weights, seed, words=None):
    """Chapters of paragraphs, bullet lists, a table and footnotes, about `words` words long.
    Signal sentences make up about one in six, weighted by the plan's profile."""
    rnd = random.Random(seed)
    target = words if words is not None else 8000 + (seed * 997) % 12000
    total = sum(weights)
    codes = [c for c, w in zip(("PA", "NPM", "NPG", "SR"), weights) for _ in range(w)]
    paragraphs = [f"Beleidsplan Wmo 2015-2018 gemeente {name}", neutral(rnd) + " " + neutral(rnd)]
    count = sum(len(p.split()) for p in paragraphs)
    chapter = 0
    footnote = 0
    while count < target:
        chapter += 1
        title = CHAPTERS[(chapter - 1) % len(CHAPTERS)] + ("" if chapter <= len(CHAPTERS) else f" ({chapter // len(CHAPTERS) + 1})")
        paragraphs.append(f"{chapter}. {title}")
        for section in range(1, 4):
            paragraphs.append(f"{chapter}.{section} {rnd.choice(OBJECTS).capitalize()}")
            for _ in range(rnd.randint(2, 4)):
                sentences = [neutral(rnd) for _ in range(rnd.randint(4, 7))]
                for _ in range(rnd.randint(0, 2)):
                    sentences.insert(rnd.randrange(len(sentences) + 1), rnd.choice(POOLS[rnd.choice(codes)]))
                if rnd.random() < 0.15:
                    footnote += 1
                    sentences[-1] = sentences[-1].rstrip(".") + f" ({footnote})."
                paragraphs.append(" ".join(sentences))
            if rnd.random() < 0.4:
                items = [rnd.choice(POOLS[rnd.choice(codes)]) if rnd.random() < 0.3 else neutral(rnd) for _ in range(rnd.randint(3, 5))]
                paragraphs.append("\n".join("\u2022 " + i for i in items))
        if chapter == 5:
            rows = ["Budget Wmo per onderdeel (x \u20ac 1.000)   2015    2016    2017    2018"]
            for part in ["Huishoudelijke hulp", "Begeleiding", "Dagbesteding", "Hulpmiddelen", "Wijkteams"]:
                values = [rnd.randint(400, 4000) for _ in range(4)]
                rows.append(f"{part:<42}" + "  ".join(f"{v:>6,}".replace(",", ".") for v in values))
            paragraphs.append("\n".join(rows))
        count = sum(len(p.split()) for p in paragraphs)
    if footnote:
        paragraphs.append("Noten")
        paragraphs += [f"({k}) Zie de verordening maatschappelijke ondersteuning {name} 2015, artikel {k + 2}." for k in range(1, footnote + 1)]
    paragraphs.append("Bijlage 1. Begrippenlijst")
    paragraphs.append("\n".join(f"{t}: {d}" for t, d in [("Wmo", "Wet maatschappelijke ondersteuning 2015"),
                                                          ("AWBZ", "Algemene Wet Bijzondere Ziektekosten"),
                                                          ("Wijkteam", "team van hulpverleners in de wijk")]))
    return paragraphs


def write_html(path, name, paragraphs):
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Wmo-beleid {name}</title>
<style>body {{ font-family: sans-serif }}</style></head>
<body><nav><a href="/">Home</a> | Regels | Samenwerken | Meedoen | Contact</nav>
<header>Gemeente {name}: regelen, kaders en recht</header>
<main>{body}</main>
<script>var zoekwoorden = ["regels", "samenwerken", "meedoen", "kaders", "prestaties"];</script>
<footer>&copy; Gemeente {name} &middot; Recht en regels &middot; Privacy</footer></body></html>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


def write_docx(path, name, paragraphs):
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ps = "".join(f'<w:p><w:r><w:t xml:space="preserve">{html.escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    deleted = '<w:p><w:del w:id="1" w:author="redactie"><w:r><w:delText>Deze regels en kaders vervallen.</w:delText></w:r></w:del></w:p>'
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{ns}"><w:body>{ps}{deleted}</w:body></w:document>'
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{ns}"><w:p><w:r><w:t>Gemeente {name} - regels en kaders</w:t></w:r></w:p></w:hdr>'
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for entry, text in [("[Content_Types].xml", types), ("word/document.xml", document), ("word/header1.xml", header)]:
            info = zipfile.ZipInfo(entry, date_time=(2015, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def write_pdf(path, name, paragraphs, columns_chapter=3):
    """A4 pages with a running header and a page number; long words at a line end are sometimes
    hyphenated ("beleids-" / "plan"); one chapter is set in two columns."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(f"Beleidsplan Wmo {name} (fictief)")
    w, h = A4
    state = {"page": 1, "y": h - 80, "cols": 1, "col": 0}
    rnd = random.Random(name)

    def header():
        c.setFont("Helvetica", 8)
        c.drawString(60, h - 40, f"Gemeente {name} - Beleidsplan Wmo 2015-2018")
        c.drawString(w / 2 - 5, 30, str(state["page"]))
        c.setFont("Helvetica", 10.5)

    def left():
        width = (w - 130) if state["cols"] == 1 else (w - 150) / 2
        return 60 + state["col"] * (width + 20), width

    def newline(step):
        state["y"] -= step
        if state["y"] < 70:
            if state["cols"] == 2 and state["col"] == 0:
                state["col"] = 1
            else:
                c.showPage(); state["page"] += 1; header(); state["col"] = 0
            state["y"] = h - 80

    header()
    chapter = 0
    for para in paragraphs:
        if para[:2].rstrip(".").isdigit() and ". " in para[:4] and "\n" not in para:
            chapter = int(para.split(".")[0])
            if state["cols"] == 2 and state["col"] == 1:
                c.showPage(); state["page"] += 1; header(); state["col"] = 0; state["y"] = h - 80
            state["cols"] = 2 if chapter == columns_chapter else 1
            state["col"] = 0
        for raw in para.split("\n"):
            x, width = left()
            words, line = raw.split(), ""
            for word in words:
                if c.stringWidth(line + " " + word, "Helvetica", 10.5) > width:
                    # Now and then a long word is hyphenated across the line end.
                    if len(word) > 9 and word.isalpha() and word.islower() and rnd.random() < 0.3:
                        head = word[: len(word) // 2]
                        if c.stringWidth(line + " " + head + "-", "Helvetica", 10.5) <= width:
                            c.drawString(x, state["y"], (line + " " + head + "-").strip())
                            newline(14); x, width = left()
                            line = " " + word[len(word) // 2:]
                            continue
                    c.drawString(x, state["y"], line.strip())
                    newline(14); x, width = left()
                    line = ""
                line += " " + word
            c.drawString(x, state["y"], line.strip())
            newline(14)
        newline(10)
    c.showPage()
    c.save()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for i, (name, cat, region, prov, weights, fmt) in enumerate(PLANS):
        slug = name.lower().replace("-", "")
        # The scanned plan is a short excerpt: OCR takes about a second a page.
        paragraphs = plan_text(name, weights, i, words=900 if fmt == "scan" else None)
        file = f"{slug}-wmo-2015.{fmt}"
        if fmt == "pdf":
            write_pdf(os.path.join(OUT, file), name, paragraphs)
        elif fmt == "scan":
            file = f"{slug}-wmo-2015.pdf"
            with tempfile.TemporaryDirectory() as tmp:
                write_pdf(os.path.join(tmp, "text.pdf"), name, paragraphs)
                subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make_scan.py"), os.path.join(tmp, "text.pdf"),
                                os.path.join(OUT, file), "300"], check=True)
        elif fmt == "html":
            write_html(os.path.join(OUT, file), name, paragraphs)
        elif fmt == "docx":
            write_docx(os.path.join(OUT, file), name, paragraphs)
        else:
            with open(os.path.join(OUT, file), "w", encoding="utf-8") as f:
                f.write("\n\n".join(paragraphs) + "\n")
        rows.append([file, name, cat, region, prov, f"Beleidsplan Wmo 2015-2018 {name}", "2015", "wmo"])
    with open(os.path.join(OUT, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "municipality", "category", "region", "province", "title", "year", "plan_type"])
        w.writerows(rows)
    print("demo corpus written to", OUT)
