using Cleaner.Core.Knowledge;

namespace Cleaner.Core.Metadata;

/// <summary>Document language from data already loaded for the detectors, no model to load (a CLI cleaning
/// one page cannot pay seconds of start-up):
/// 1. the script of the letters settles zh/ja (kana), ko, el, he, ar, th, and narrows the rest to the
///    languages written in that script (Latin, Cyrillic);
/// 2. among those, the stopwords of the phrase data vote, each hit weighted by 1/(number of languages that
///    list the word), so shared words ("de", "a", "i") count little and distinctive ones ("och", "sa", "ikke")
///    decide close pairs (cs/sk, da/no/sv, es/pt/it, ru/uk);
/// 3. a declared language (html lang) is kept when it is written in the page's script and the stopwords give it
///    a fair share of the top score — the declaration is usually right, but templates also declare "en" for every page.</summary>
public sealed class LanguageDetector
{
    private readonly PhraseMatcher _stopwords;
    private readonly Dictionary<string, double> _weight;          // folded stopword -> 1 / languages listing it
    private readonly Dictionary<string, string> _scriptOfLanguage; // language -> script of its stopwords

    public LanguageDetector(PhraseBook phrases)
    {
        _stopwords = phrases.Matcher("stopwords");
        var langsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        _scriptOfLanguage = new(StringComparer.Ordinal);
        foreach (var (phrase, lang) in phrases.All("stopwords"))
        {
            var f = TextFold.Fold(phrase);
            (langsOf.TryGetValue(f, out var set) ? set : langsOf[f] = []).Add(lang);
            if (!_scriptOfLanguage.ContainsKey(lang) && ScriptOf(f) is { } s) _scriptOfLanguage[lang] = s;
        }
        _weight = langsOf.ToDictionary(kv => kv.Key, kv => 1.0 / kv.Value.Count, StringComparer.Ordinal);
    }

    private const int MaxSample = 5000;

    /// <summary>Below this weighted stopword evidence the text is too short (or a results table, a price list) to
    /// overrule a declared language.</summary>
    private const double MinEvidence = 10;

    /// <summary>A declared language is kept while its score is at least this share of the best one.</summary>
    private const double DeclaredShare = 0.5;

    public string? Detect(string text, string? declared = null) => Detect(text, declared, out _);

    /// <summary>Detects the language; <paramref name="sure"/> is false when the evidence was thin.</summary>
    public string? Detect(string text, string? declared, out bool sure)
    {
        sure = true;
        // A few thousand characters of body text carry hundreds of stopwords: plenty of evidence, a fraction of the work.
        if (text.Length > MaxSample) text = text[..MaxSample];
        var declaredCode = Normalize(declared);
        var script = DominantScript(text);
        switch (script)
        {
            case "Hani": return declaredCode is "ja" or "zh" ? declaredCode : "zh";
            case "Kana": return "ja";
            case "Hang": return "ko";
            case "Grek": return "el";
            case "Hebr": return declaredCode is "yi" ? declaredCode : "he";
            case "Arab": return declaredCode is "fa" or "ur" or "ps" ? declaredCode : "ar";
            case "Thai": return "th";
            case "Deva": return declaredCode is "mr" or "ne" ? declaredCode : "hi";
            case "Beng": return "bn";
            case "Geor": return "ka";
            case "Armn": return "hy";
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in _stopwords.FindAll(text))
        {
            if (_scriptOfLanguage.GetValueOrDefault(hit.Language) != script) continue;
            scores[hit.Language] = scores.GetValueOrDefault(hit.Language) + _weight.GetValueOrDefault(hit.Phrase, 1);
        }
        bool declaredFits = declaredCode != null &&
                            (_scriptOfLanguage.TryGetValue(declaredCode, out var ds) ? ds == script : script == "Latn");
        if (scores.Count == 0)
        {
            sure = false;
            return declaredFits ? declaredCode : script == "Cyrl" ? "ru" : declaredCode;
        }
        var (best, top) = scores.MaxBy(kv => kv.Value);
        double total = scores.Values.Sum();
        if (declaredFits)
        {
            var dc = scores.GetValueOrDefault(declaredCode!);
            if (dc >= top * DeclaredShare || total < MinEvidence) return declaredCode;
        }
        sure = total >= MinEvidence;
        return best;
    }

    public static string? Normalize(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var l = lang.Trim().ToLowerInvariant();
        int dash = l.IndexOfAny(['-', '_']);
        if (dash > 0) l = l[..dash];
        if (l is "nb" or "nn") l = "no";
        if (l == "iw") l = "he";
        return l.Length is 2 or 3 && l.All(char.IsAsciiLetterLower) ? l : null;
    }

    private static string? ScriptOf(string word)
    {
        foreach (var c in word)
            if (char.IsLetter(c)) return ScriptOf(c);
        return null;
    }

    private static string? ScriptOf(char c) => c switch
    {
        < '\u0250' => char.IsLetter(c) ? "Latn" : null,
        >= '\u1E00' and <= '\u1EFF' => "Latn",
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => "Grek",
        >= '\u0400' and <= '\u052F' => "Cyrl",
        >= '\u0590' and <= '\u05FF' => "Hebr",
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF' => "Arab",
        >= '\u0E00' and <= '\u0E7F' => "Thai",
        >= '\u0900' and <= '\u097F' => "Deva",
        >= '\u0980' and <= '\u09FF' => "Beng",
        >= '\u10A0' and <= '\u10FF' => "Geor",
        >= '\u0530' and <= '\u058F' => "Armn",
        >= '\u3040' and <= '\u30FF' => "Kana",
        >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' => "Hani",
        >= '\u1100' and <= '\u11FF' or >= '\uAC00' and <= '\uD7AF' or >= '\u3130' and <= '\u318F' => "Hang",
        _ => null,
    };

    /// <summary>The script most of the letters are written in.</summary>
    public static string DominantScript(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in text)
        {
            if (c < 0x80 && !char.IsAsciiLetter(c)) continue;
            if (ScriptOf(c) is { } s) counts[s] = counts.GetValueOrDefault(s) + 1;
        }
        int han = counts.GetValueOrDefault("Hani"), kana = counts.GetValueOrDefault("Kana");
        // Japanese mixes kana into kanji; a modest share of kana settles it. A character of an unspaced script
        // carries about a short word (as in TextMetrics.EffectiveLength), so it weighs three letters: brand names,
        // URLs and pinyin beside Chinese text do not make it Latin.
        if (kana > 0 && kana * 10 >= han) { counts["Kana"] = kana + han; counts.Remove("Hani"); }
        foreach (var s in new[] { "Hani", "Kana", "Hang" })
            if (counts.TryGetValue(s, out var n)) counts[s] = n * 3;
        return counts.Count == 0 ? "Latn" : counts.MaxBy(kv => kv.Value).Key;
    }
}
