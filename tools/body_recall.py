#!/usr/bin/env python3
"""Per-page body analysis for a set with a gold `body` (readability, textdump): which gold lines the
prediction misses and which predicted lines the gold does not have.

usage: tools/body_recall.py --set ../shared/corpus/readability --pred pred.jsonl [--top 20] [--lines 8]
       [--id ID] [--skip-synthetic] [--extra]
  pred.jsonl is what `cleaner eval --pred FILE` writes. Pages are listed by body recall (worst first),
  using score.py's shingle metric; for each, the gold lines whose 4-token shingles are mostly absent from
  the prediction (and, with --extra, predicted lines mostly absent from the gold).
"""
import argparse, json, os, re
from collections import Counter

TOKEN = re.compile(r'\w+')


def shingles(tokens, n=4):
    return [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n]]


def prf(gold, pred):
    g, p = Counter(shingles(TOKEN.findall(gold))), Counter(shingles(TOKEN.findall(pred)))
    tp = sum(min(c, p.get(k, 0)) for k, c in g.items())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    s = tp + fp + fn
    if s == 0:
        return 1.0, 1.0, 0
    tp, fp, fn = tp / s, fp / s, fn / s
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0), sum(g.values())


def missing_lines(text, other, threshold=0.5):
    """Lines of `text` with at least 3 tokens whose shingles are mostly not in `other`."""
    have = set(shingles(TOKEN.findall(other)))
    out = []
    for line in text.split('\n'):
        toks = TOKEN.findall(line)
        if len(toks) < 3:
            continue
        sh = shingles(toks)
        miss = sum(1 for s in sh if s not in have)
        if miss / len(sh) >= threshold:
            out.append((len(toks), line))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--set', required=True)
    ap.add_argument('--pred', required=True)
    ap.add_argument('--top', type=int, default=20)
    ap.add_argument('--lines', type=int, default=8)
    ap.add_argument('--id')
    ap.add_argument('--skip-synthetic', action='store_true')
    ap.add_argument('--extra', action='store_true')
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(os.path.join(a.set, 'gold.jsonl'), encoding='utf-8') if l.strip()]
    preds = {}
    for l in open(a.pred, encoding='utf-8'):
        if l.strip():
            p = json.loads(l)
            preds[p['id']] = p.get('text') or ''
    rows = []
    for g in gold:
        if not g.get('body') or (a.skip_synthetic and g.get('synthetic')) or (a.id and g['id'] != a.id):
            continue
        pred = preds.get(g['id'], '')
        p, r, n = prf(g['body'], pred)
        rows.append((r, p, n, g, pred))
    rows.sort(key=lambda x: x[0])
    total_lost = sum((1 - r) for r, *_ in rows)
    print(f'{len(rows)} pages, mean recall {1 - total_lost / max(1, len(rows)):.3f}; recall lost per page (share of the set\'s gap):')
    for r, p, n, g, pred in rows[:a.top]:
        print(f'\n== {g["id"]}  R {r:.3f}  P {p:.3f}  gold shingles {n}  gap share {(1 - r) / max(1e-9, total_lost):.1%}')
        miss = missing_lines(g['body'], pred)
        for k, line in miss[:a.lines]:
            print(f'   - [{k:3d}] {line[:160]}')
        if len(miss) > a.lines:
            print(f'   ... {len(miss) - a.lines} more missing lines ({sum(k for k, _ in miss[a.lines:])} tokens)')
        if a.extra:
            for k, line in missing_lines(pred, g['body'])[:a.lines]:
                print(f'   + [{k:3d}] {line[:160]}')


if __name__ == '__main__':
    main()
