#!/usr/bin/env python3
"""Generates the demo corpus in Corpus/: short synthetic Wmo policy plans of fictional
municipalities with different steering profiles, half as PDF and half as text, plus manifest.csv.
Deterministic: the same script gives the same files. Run `make corpus` after changing it."""
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
    ("Regelrecht", "100.000-", "oost", "Gelderland", (6, 1, 1, 1), "pdf"),
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


def plan_text(name, weights, seed):
    rnd = random.Random(seed)
    paragraphs = [f"Beleidsplan Wmo 2015-2018 gemeente {name}", rnd.choice(NEUTRAL) + " " + rnd.choice(NEUTRAL)]
    for _ in range(6):
        sentences = [rnd.choice(NEUTRAL)]
        for code, w in zip(("PA", "NPM", "NPG", "SR"), weights):
            sentences += rnd.sample(POOLS[code], k=min(w, len(POOLS[code])) if rnd.random() < 0.8 else max(0, w - 1))
        rnd.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
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


def write_pdf(path, name, paragraphs):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(f"Beleidsplan Wmo {name} (fictief)")
    w, h = A4
    page = 1

    def header():
        c.setFont("Helvetica", 8)
        c.drawString(60, h - 40, f"Gemeente {name} - Beleidsplan Wmo")
        c.drawString(w / 2 - 5, 30, str(page))
        c.setFont("Helvetica", 10.5)

    header()
    y = h - 80
    for para in paragraphs:
        words, line = para.split(), ""
        for word in words:
            if c.stringWidth(line + " " + word, "Helvetica", 10.5) > w - 130:
                c.drawString(60, y, line.strip())
                y -= 14
                line = ""
                if y < 70:
                    c.showPage(); page += 1; header(); y = h - 80
            line += " " + word
        c.drawString(60, y, line.strip())
        y -= 24
        if y < 70:
            c.showPage(); page += 1; header(); y = h - 80
    c.showPage()
    c.save()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for i, (name, cat, region, prov, weights, fmt) in enumerate(PLANS):
        slug = name.lower().replace("-", "")
        paragraphs = plan_text(name, weights, i)
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
