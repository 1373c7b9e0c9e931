#!/usr/bin/env python3
"""Makes an image-only PDF (a "scan") of a PDF: pdftoppm renders each page at DPI in grey, and
the pages are written back as Flate-compressed images without any text layer.

usage: make_scan.py IN.pdf OUT.pdf [DPI] [--garbage-layer] [--pages N]

With --pages N, only the first N pages are scanned.

With --garbage-layer, each page also gets an invisible text layer of unreadable "words" (what a
PDF with a broken font encoding gives), so the text layer is there but holds nothing to count.
"""
import glob
import os
import subprocess
import sys
import tempfile
import zlib


def pgm(path):
    data = open(path, "rb").read()
    magic, size, maxval, pixels = data.split(b"\n", 3)
    w, h = map(int, size.split())
    return w, h, pixels


def main():
    argv = sys.argv[1:]
    last = None
    if "--pages" in argv:
        i = argv.index("--pages")
        last = int(argv[i + 1])
        del argv[i:i + 2]
    args = [a for a in argv if a != "--garbage-layer"]
    garbage = "--garbage-layer" in argv
    src, dst = args[0], args[1]
    dpi = int(args[2]) if len(args) > 2 else 300
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray"] + (["-l", str(last)] if last else []) + [src, os.path.join(tmp, "p")], check=True)
        pages = [pgm(p) for p in sorted(glob.glob(os.path.join(tmp, "p-*.pgm")))]
    objs = [None, None]
    kids = []
    for w, h, px in pages:
        img = zlib.compress(px, 6)
        objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
                    b"/Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(img)) + img + b"\nendstream")
        image = len(objs)
        W, H = w * 72 / dpi, h * 72 / dpi
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im Do Q" % (W, H)
        if garbage:
            # Text render mode 3: invisible. Consonant soup, as from a font whose codes map to the wrong letters.
            cons = b"bcdfghjklmnpqrstvwxz"
            junk = b" ".join(b"Gh%cjhp%chqwh" % (cons[i % 20], cons[(i * 7) % 20]) for i in range(12))
            lines = b" ".join(b"1 0 0 1 72 %d Tm (%s) Tj" % (700 - 14 * k, junk) for k in range(6))
            content += b" BT /F1 10 Tf 3 Tr " + lines + b" ET"
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        contents = len(objs)
        font = b" /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>" if garbage else b""
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im %d 0 R >>%s >> "
                    b"/Contents %d 0 R >>" % (W, H, image, font, contents))
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main()
