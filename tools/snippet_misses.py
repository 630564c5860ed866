#!/usr/bin/env python3
"""Lists, per page of a snippet set (trafilatura-a), the gold snippets the cleaner got wrong and the block that
decided each: missed "with" snippets (recall) and present "without" snippets (precision), with the block's label,
rule and reason from `cleaner --explain -f jsonl`. Ends with counts grouped by rule and reason.

usage: tools/snippet_misses.py SET_FOLDER PRED_JSONL [--cleaner "dotnet .../cleaner.dll"] [--only fn|fp]
PRED_JSONL comes from `cleaner eval --set SET --pred FILE`."""
import argparse, collections, json, os, re, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("set"); ap.add_argument("pred")
ap.add_argument("--cleaner", default="dotnet src/Cleaner.Cli/bin/Release/net10.0/cleaner.dll")
ap.add_argument("--only", choices=["fn", "fp"])
ap.add_argument("--quiet", action="store_true", help="only the grouped counts")
a = ap.parse_args()

ws = lambda s: re.sub(r"\s+", " ", s or "").strip()
gold = [json.loads(l) for l in open(os.path.join(a.set, "gold.jsonl"), encoding="utf-8")]
pred = {}
for l in open(a.pred, encoding="utf-8"):
    o = json.loads(l); pred[o["id"]] = ws(o.get("text", ""))

errors = []  # (doc, kind, snippet)
for g in gold:
    text = pred.get(g["id"], "")
    if a.only != "fp":
        errors += [(g, "fn", s) for s in g.get("with", []) if ws(s) not in text]
    if a.only != "fn":
        errors += [(g, "fp", s) for s in g.get("without", []) if ws(s) in text]

docs = list(dict.fromkeys(e[0]["id"] for e in errors))
byid = {g["id"]: g for g in gold}
paths = [os.path.join(a.set, byid[d]["path"]) for d in docs]
explain = {}
for i in range(0, len(paths), 50):
    out = subprocess.run(a.cleaner.split() + paths[i:i + 50] + ["--explain", "-f", "jsonl", "-q", "-j", "1"],
                         capture_output=True, text=True).stdout
    for d, line in zip(docs[i:i + 50], out.splitlines()):
        explain[d] = json.loads(line)

groups = collections.Counter()
for g, kind, s in errors:
    blocks = explain.get(g["id"], [])
    snip = ws(s)
    hit = next((b for b in blocks if snip in ws(b["text"])), None)
    where = "whole"
    if hit is None:  # split over blocks: the block holding its start
        head = snip[:25]
        hit = next((b for b in blocks if head in ws(b["text"])), None); where = "start"
    if hit is None:
        key = "(not in any block)"; desc = ""
    else:
        reason = re.sub(r"\(.*?\)|\".*?\"|[0-9.]+", "…", hit.get("reason") or "")
        key = f"{hit['label']:<14} {hit['rule']:<16} {reason}"
        desc = f"#{hit['index']} {hit['label']} {hit['rule']} [{where}] {hit.get('reason')}"
    groups[(kind, key)] += 1
    if not a.quiet:
        print(f"{kind} {g['id'][:20]:<20} {snip[:70]!r}\n      {desc}")
print()
for (kind, key), n in sorted(groups.items(), key=lambda x: (x[0][0], -x[1])):
    print(f"{n:4} {kind} {key}")
