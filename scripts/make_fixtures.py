#!/usr/bin/env python3
"""Generates the small PDF fixtures of the tests (Tests/SturingIngestTests/Fixtures/).

Run `make fixtures` after changing this script; the results are committed. Every fixture has
hand-countable content; the expected numbers live in the Swift tests.
"""
import io
import os
import shutil

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "Tests", "SturingIngestTests", "Fixtures")
W, H = A4


def lines(c, x, y, texts, size=11, leading=15):
    c.setFont("Helvetica", size)
    for t in texts:
        c.drawString(x, y, t)
        y -= leading
    return y


def pdf(name, **kw):
    c = canvas.Canvas(os.path.join(FIX, name), pagesize=A4, invariant=1, **kw)
    c.setTitle(name)
    return c


def running_header():
    """5 pages; header 'Samenwerken aan zorg' and footer 'Pagina N van 5' on every page.
    Body: 6 lines per page, different on each page; 'samenwerken' appears in the body of pages 2
    and 4 only, 'kaders' on page 3. So: samenwerken 2 (not 7), kaders 1."""
    bodies = {
        1: ["Inleiding", "Dit plan beschrijft de Wmo in onze gemeente.", "Het plan loopt tot en met 2018.",
            "Het college legt het plan voor aan de raad.", "De raad stelt het plan vast.", "Daarna volgt de uitvoering."],
        2: ["Visie", "Wij willen samenwerken met aanbieders.", "Inwoners staan centraal in de zorg.",
            "Dat vraagt een andere rol van de gemeente.", "Wij kijken naar wat nodig is.", "Zo blijft de zorg betaalbaar."],
        3: ["Sturing", "De gemeente stelt de kaders vast.", "Aanbieders leveren de zorg in de buurt.",
            "Wij volgen de uitvoering op de voet.", "Een keer per jaar is er een gesprek.", "Daarin bespreken wij de cijfers."],
        4: ["Uitvoering", "Wij blijven samenwerken in de buurt.", "Inwoners kunnen terecht bij het loket.",
            "Het loket is elke werkdag open.", "Ook is er een spreekuur in de bibliotheek.", "Daar helpt een consulent."],
        5: ["Tot slot", "Dit plan is een begin.", "Het college rapporteert elk jaar aan de raad.",
            "Het volgende plan volgt in 2019.", "Vragen kunt u stellen aan de gemeente.", "Dank voor het lezen."],
    }
    c = pdf("running-header.pdf")
    for n in range(1, 6):
        lines(c, 72, H - 40, ["Samenwerken aan zorg"], size=9)
        lines(c, 72, H - 120, bodies[n])
        lines(c, W / 2 - 30, 30, [f"Pagina {n} van 5"], size=9)
        c.showPage()
    c.save()


def hyphenation():
    """One page with words broken at line ends."""
    c = pdf("hyphenation.pdf")
    lines(c, 72, H - 100, [
        "Dit beleids-",
        "plan gaat over samen-",
        "werken in de wijk. Het WWB-",
        "bestand en de zorg-",
        "en welzijnsinstellingen. Het e-",
        "mailadres staat op de site; stuur een e-mail.",
        "Wij willen de zelfredzaam-",
        "heid van inwoners vergroten.",
    ])
    c.showPage()
    c.save()


def two_column():
    """One page with two columns; each column is its own sentence sequence."""
    c = pdf("two-column.pdf")
    left = ["Links: de gemeente wil", "samenwerken met partners", "in het wijkteam en", "het maatwerk vergroten."]
    right = ["Rechts: wij meten de", "resultaten van de zorg", "en houden toezicht op", "de kwaliteit."]
    lines(c, 60, H - 100, left)
    lines(c, W / 2 + 20, H - 100, right)
    c.showPage()
    c.save()


def encrypted():
    c = pdf("encrypted.pdf", encrypt="geheim")
    lines(c, 72, H - 100, ["Dit plan is versleuteld: samenwerken en meedoen."])
    c.showPage()
    c.save()


def scan_image():
    img = Image.new("L", (400, 120), 255)
    d = ImageDraw.Draw(img)
    d.text((10, 40), "Gescande pagina: samenwerken", fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    from reportlab.lib.utils import ImageReader
    return ImageReader(buf)


def image_only():
    c = pdf("image-only.pdf")
    for _ in range(2):
        c.drawImage(scan_image(), 72, H - 300, width=400, height=120)
        c.showPage()
    c.save()


def partial_scan():
    """3 pages: 1 and 3 have text, 2 is an image only."""
    c = pdf("partial-scan.pdf")
    lines(c, 72, H - 100, ["Pagina met tekst: wij willen samenwerken."])
    c.showPage()
    c.drawImage(scan_image(), 72, H - 300, width=400, height=120)
    c.showPage()
    lines(c, 72, H - 100, ["Nog een pagina met tekst over maatwerk."])
    c.showPage()
    c.save()


def derived():
    src = os.path.join(FIX, "running-header.pdf")
    data = open(src, "rb").read()
    open(os.path.join(FIX, "truncated.pdf"), "wb").write(data[: len(data) // 2])
    shutil.copy(os.path.join(FIX, "hyphenation.pdf"), os.path.join(FIX, "pdf-named.txt"))
    open(os.path.join(FIX, "garbage.bin"), "wb").write(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    open(os.path.join(FIX, "empty.txt"), "wb").write(b"")


if __name__ == "__main__":
    os.makedirs(FIX, exist_ok=True)
    running_header()
    hyphenation()
    two_column()
    encrypted()
    image_only()
    partial_scan()
    derived()
    print("fixtures written to", FIX)
