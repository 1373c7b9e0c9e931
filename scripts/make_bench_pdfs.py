#!/usr/bin/env python3
"""Writes N synthetic policy-plan PDFs of P pages each (for scripts/bench; not committed).
Usage: make_bench_pdfs.py OUTDIR N PAGES"""
import os
import random
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

WORDS = ("de het een en van in op met voor aan te is zijn wordt worden dat die deze wij zij inwoners "
         "gemeente college raad zorg ondersteuning jeugd wijk buurt beleid plan uitvoering welzijn "
         "mantelzorg voorziening maatschappelijke participatie kosten budget aanbieder verordening "
         "samenwerken samenwerking wijkteam meten resultaten kaders regels zelfredzaamheid meedoen "
         "vrijwilligers vertrouwen maatwerk prestaties markt efficiënt innovatie creëren").split()


def make(path, pages, seed):
    rnd = random.Random(seed)
    c = canvas.Canvas(path, invariant=1)
    w, h = A4
    for p in range(pages):
        c.setFont("Helvetica", 8)
        c.drawString(60, h - 40, "Beleidsplan sociaal domein 2015-2018")
        c.drawString(w / 2, 30, f"{p + 1}")
        c.setFont("Helvetica", 10)
        y = h - 80
        while y > 60:
            line = " ".join(rnd.choice(WORDS) for _ in range(13))
            c.drawString(60, y, line[0].upper() + line[1:] + ".")
            y -= 13
        c.showPage()
    c.save()


if __name__ == "__main__":
    out, n, pages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        make(os.path.join(out, f"plan-{i:03d}.pdf"), pages, i)
