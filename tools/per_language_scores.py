#!/usr/bin/env python3
"""Per-language scores over the dev corpus (until `cleaner eval` reports them itself).

usage: tools/per_language_scores.py --corpus ../shared/corpus --pred-dir DIR [--json]
  DIR holds one predictions file per set, named <set>.jsonl (trafilatura-a, textdump, readability),
  each line {"id", "text", "title", "author"} as score.py expects.

A page's language is the gold `lang`, else its <html lang>, else its URL's top-level domain; a few pages
declare a language their text is not written in (templates that say "en" for German text) and are corrected
below by hand after reading them. Every language's subset is scored with the corpus's own score.py.
"""
import argparse, gzip, json, os, re, subprocess, sys, tempfile
from urllib.parse import urlparse

TLD = {'de': 'de', 'at': 'de', 'ch': 'de', 'fr': 'fr', 'es': 'es', 'it': 'it', 'pl': 'pl', 'pt': 'pt', 'br': 'pt',
       'fi': 'fi', 'nl': 'nl', 'cz': 'cs', 'sk': 'sk', 'ru': 'ru', 'ua': 'uk', 'se': 'sv', 'dk': 'da', 'no': 'no',
       'jp': 'ja', 'cn': 'zh', 'kr': 'ko', 'gr': 'el', 'tr': 'tr', 'ro': 'ro', 'hu': 'hu', 'il': 'he'}

# Checked by reading the gold text: the page's declared language is not the language of its article.
CORRECTIONS = {
    '100noticias.com-millones': 'es', 'elenacional.com-carta': 'es', 'ultimasnoticias.com.ve-ucraina': 'es',
    'madame.lefigaro.fr.dintestin': 'fr', 'tdg.ch.chlorothalonil': 'fr', 'sibenlab.blogspot.com.privacy': 'en',
    'nextkabinett.wordpress.com.garden': 'en', 'ukbdnews.com.23646': 'bn', '24ora.com-internationalschol': 'pap',
    'dobszay.ch.geheimdiensten': 'de', 'ahlen.de.reparaturcafe': 'de', 'berkutschi.com-willingen': 'de',
    'djz.de-amoklauf': 'de', 'groove.de-anti-a100-aktivist': 'de', 'helge.at.mahu': 'de',
    'hr-innovation.org.enterprise': 'de', 'lexikon.huettenhilfe.de.banane': 'de', 'linkedin.com.hoeltmann': 'de',
    'murdeltas.wordpress.com.politcamp': 'de', 'presse-ausburg.de-tarifverbund': 'de', 'simplyscience.ch.erdoel': 'de',
    'springer.com-produkte': 'de', 'vergleich.de.leasen': 'de', 'volksblatt.at-alkoholkonsum': 'de',
    'wolfgangschmale.eu.duchhardt': 'de', 'gmw': 'zh', 'qq': 'zh', 'youth': 'zh', 'hukumusume': 'ja', 'la-nacion': 'es',
}

# Pages that declare nothing (no lang, no html lang, a .com/.org domain), labelled by hand after reading them.
UNDECLARED = {
    **dict.fromkeys(['abookshelffullofsunshine.blogspot.com.interview', 'archive.org.bewegliche-lettern.de.typography', 'archive.org.the-pain.net.silkroad', 'bumsbutzener-gumpfen.blogspot.com.tach-auch', 'novalanalove.com.ear-candy', 'whiskyverkostung.com.halle'], 'de'),
    **dict.fromkeys(['blog.python.org', 'blogger', 'bug-1255978', 'clean-links', 'cnn', 'economictimes.indiatimes.com.slideshow', 'edition.cnn.com-royal', 'jobsnhire.com.health', 'keep-images', 'keep-tabular-data', 'links-in-tables', 'luxuryhaven.co.hyatt', 'lwn-1', 'medium-1', 'medium-2', 'mercurial', 'netbits.us.stunnel_rsync', 'phillyvoice.com-sixers', 'phys.org.tool', 'salon-1', 'strangemachines.io.performant', 'table-style-attributes', 'tmz-1', 'topicseed-1', 'videos-1', 'wapo-1', 'wapo-2', 'wevolver.com.3dprinting', 'wiki.python.org.download', 'wordsmith.org.maudlin', 'youhadmeatgardening.com.lemon'], 'en'),
    **dict.fromkeys(['pagina12.com.ar-suprema'], 'es'),
    **dict.fromkeys(['baike.baidu.com.tanya', 'chineselyrics4u.com.zhineng', 'xinhuanet.com.c_1125597921'], 'zh'),
}


def page_language(corpus, set_name, doc):
    if doc['id'] in CORRECTIONS:
        return CORRECTIONS[doc['id']]
    if doc['id'] in UNDECLARED:
        return UNDECLARED[doc['id']]
    if doc.get('lang'):
        return norm(doc['lang'])
    try:
        head = gzip.open(os.path.join(corpus, set_name, doc['path'])).read(60000).decode('utf-8', 'replace')
        m = re.search(r'<html[^>]*?\slang\s*=\s*["\']?([A-Za-z]{2,3})\b', head, re.I)
        if m:
            return norm(m.group(1))
    except OSError:
        pass
    if doc.get('url'):
        return TLD.get(urlparse(doc['url']).netloc.rsplit('.', 1)[-1])
    return None


def norm(lang):
    lang = lang.lower().replace('_', '-').split('-')[0]
    return {'nb': 'no', 'nn': 'no', 'iw': 'he'}.get(lang, lang)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', required=True)
    ap.add_argument('--pred-dir', required=True)
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    score_py = os.path.join(a.corpus, 'score.py')
    langs = {}
    for set_name in ('trafilatura-a', 'readability'):
        for line in open(os.path.join(a.corpus, set_name, 'gold.jsonl'), encoding='utf-8'):
            d = json.loads(line)
            langs[d['id']] = page_language(a.corpus, set_name, d)
    rows = {}
    for set_name in ('trafilatura-a', 'textdump', 'readability'):
        pred = os.path.join(a.pred_dir, set_name + '.jsonl')
        if not os.path.exists(pred):
            continue
        gold = [json.loads(l) for l in open(os.path.join(a.corpus, set_name, 'gold.jsonl'), encoding='utf-8')]
        gold = [d for d in gold if not d.get('synthetic')]
        for lang in sorted({langs.get(d['id']) or '?' for d in gold}):
            subset = [d for d in gold if (langs.get(d['id']) or '?') == lang]
            with tempfile.TemporaryDirectory() as tmp:
                with open(os.path.join(tmp, 'gold.jsonl'), 'w', encoding='utf-8') as f:
                    for d in subset:
                        f.write(json.dumps(d, ensure_ascii=False) + '\n')
                out = subprocess.run([sys.executable, score_py, '--set', tmp, '--pred', pred, '--json', '--n-bootstrap', '0'],
                                     capture_output=True, text=True, check=True).stdout
            r = json.loads(out)
            row = rows.setdefault(lang, {})
            if 'snippets' in r:
                row[set_name + ':snippets'] = (r['snippets']['docs'], r['snippets']['f1'])
            if 'body' in r:
                row[set_name + ':body'] = (r['body']['docs'], r['body']['f1'])
    if a.json:
        print(json.dumps(rows, indent=1))
        return
    cols = ['trafilatura-a:snippets', 'textdump:snippets', 'textdump:body', 'readability:body']
    print('| language | ' + ' | '.join(c.replace(':', ' ') + ' F1 (pages)' for c in cols) + ' |')
    print('|---|' + '---|' * len(cols))
    order = sorted(rows, key=lambda l: -sum(v[0] for v in rows[l].values()))
    for lang in order:
        cells = []
        for c in cols:
            v = rows[lang].get(c)
            cells.append(f'{v[1]:.3f} ({v[0]})' if v and v[0] else '')
        print(f'| {lang} | ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    main()
