#!/usr/bin/env python3
"""The signal-word count a researcher would write in an afternoon, to compare sturing's speed with.

NFKC, lowercase, `[^\\W\\d_]+` tokens, snowballstemmer's Dutch (Porter variant) stems, a dictionary
lookup per token against the stems of the appendix C terms. Prints tokens and counts per perspective.

usage: baseline_count.py LEXICON.csv FILE...
"""
import csv
import re
import sys
import unicodedata

import snowballstemmer

TOKEN = re.compile(r"[^\W\d_]+")


def main():
    stemmer = snowballstemmer.stemmer("dutch")
    lexicon = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lexicon[stemmer.stemWord(row["term"].lower())] = row["perspective"]
    counts = {"PA": 0, "NPM": 0, "NPG": 0, "SR": 0}
    tokens = 0
    cache = {}
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = unicodedata.normalize("NFKC", f.read()).lower()
        for m in TOKEN.finditer(text):
            tokens += 1
            w = m.group(0)
            s = cache.get(w)
            if s is None:
                s = cache[w] = stemmer.stemWord(w)
            p = lexicon.get(s)
            if p:
                counts[p] += 1
    print(tokens, counts)


if __name__ == "__main__":
    main()
