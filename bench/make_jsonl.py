#!/usr/bin/env python3
"""Streams a JSONL corpus of a given size to stdout for the memory benchmark (README "Performance"):
the dev corpus pages (HTML from trafilatura-a, text dumps from textdump) repeated with fresh ids until
--gb gigabytes are written. Standard library only.

    python3 bench/make_jsonl.py --gb 2 | cleaner --input-format jsonl -q --stats stats.json > /dev/null
"""
import argparse, gzip, json, os, sys

ap = argparse.ArgumentParser()
ap.add_argument("--gb", type=float, default=2.0)
ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
args = ap.parse_args()
if not os.path.isdir(args.corpus):
    args.corpus = "/work/shared/corpus"

pages = []
html_dir = os.path.join(args.corpus, "trafilatura-a", "html")
for name in sorted(os.listdir(html_dir)):
    with gzip.open(os.path.join(html_dir, name), "rb") as f:
        pages.append(("html", name.split(".html")[0], f.read().decode("utf-8", "replace")))
text_dir = os.path.join(args.corpus, "textdump", "txt")
for name in sorted(os.listdir(text_dir)):
    with open(os.path.join(text_dir, name), encoding="utf-8", errors="replace") as f:
        pages.append(("text", name[:-4], f.read()))

limit = int(args.gb * 1e9)
written = 0
out = sys.stdout.buffer
rep = 0
while written < limit:
    for field, pid, content in pages:
        line = (json.dumps({"id": f"{pid}#{rep}", field: content, "rep": rep}, ensure_ascii=False) + "\n").encode("utf-8")
        out.write(line)
        written += len(line)
        if written >= limit:
            break
    rep += 1
