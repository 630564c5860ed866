using System.Numerics;
using System.Runtime.Intrinsics;
using Cleaner.Core.Segmentation;
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
    private readonly WordPhraseScanner _stopwordScanner; // the matcher's hits, found word by word
    private readonly Dictionary<string, string> _scriptOfLanguage; // language -> script of its stopwords
    // By index of a stopword in the matcher (scoring a page's hits takes no lookups by string):
    private readonly double[] _weightOf;     // 1 / languages listing the word
    private readonly int[] _languageOf;      // index into _languages
    private readonly string[] _languages;
    private readonly string?[] _scriptOfLanguageIndex;

    public LanguageDetector(PhraseBook phrases)
    {
        _stopwords = phrases.Matcher("stopwords");
        _stopwordScanner = new WordPhraseScanner(phrases, "stopwords");
        var langsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        _scriptOfLanguage = new(StringComparer.Ordinal);
        foreach (var (phrase, lang) in phrases.All("stopwords"))
        {
            var f = TextFold.Fold(phrase);
            (langsOf.TryGetValue(f, out var set) ? set : langsOf[f] = []).Add(lang);
            if (!_scriptOfLanguage.ContainsKey(lang) && ScriptOf(f) is { } s) _scriptOfLanguage[lang] = s;
        }
        var weight = langsOf.ToDictionary(kv => kv.Key, kv => 1.0 / kv.Value.Count, StringComparer.Ordinal);
        var stopwords = _stopwords.Phrases;
        _languages = stopwords.Select(p => p.Language).Distinct().ToArray();
        _scriptOfLanguageIndex = _languages.Select(l => _scriptOfLanguage.GetValueOrDefault(l)).ToArray();
        _weightOf = stopwords.Select(p => weight.GetValueOrDefault(p.Phrase, 1)).ToArray();
        _languageOf = stopwords.Select(p => Array.IndexOf(_languages, p.Language)).ToArray();
    }

    /// <summary>The characters of a text that are read (its start).</summary>
    public const int SampleLength = 5000;

    /// <summary>Below this weighted stopword evidence the text is too short (or a results table, a price list) to
    /// overrule a declared language.</summary>
    private const double MinEvidence = 10;

    /// <summary>A declared language is kept while its score is at least this share of the best one.</summary>
    private const double DeclaredShare = 0.5;

    public string? Detect(string text, string? declared = null) => Detect(text, declared, out _);

    /// <summary>Detects the language; <paramref name="sure"/> is false when the evidence was thin.</summary>
    public string? Detect(string text, string? declared, out bool sure) => Detect(text.AsSpan(), declared, out sure);

    /// <summary><see cref="Detect(string, string?, out bool)"/> of text that need not be a string (a sample put
    /// together from a page's blocks).</summary>
    public string? Detect(ReadOnlySpan<char> text, string? declared, out bool sure)
    {
        sure = true;
        // A few thousand characters of body text carry hundreds of stopwords: plenty of evidence, a fraction of the work.
        var sample = text[..Math.Min(text.Length, SampleLength)];
        var declaredCode = Normalize(declared);
        var script = DominantScript(sample);
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

        Span<char> folded = stackalloc char[sample.Length];
        TextFold.Fold(sample, folded);
        var votes = new StopwordVotes(this, script);
        _stopwordScanner.Scan(folded, ref votes);
        bool declaredFits = declaredCode != null &&
                            (_scriptOfLanguage.TryGetValue(declaredCode, out var ds) ? ds == script : script == "Latn");
        if (votes.Voted.Count == 0)
        {
            sure = false;
            return declaredFits ? declaredCode : script == "Cyrl" ? "ru" : declaredCode;
        }
        // Best and total in the order the languages first scored (ties go to the first).
        int best = votes.Voted[0];
        double total = 0;
        foreach (var l in votes.Voted)
        {
            total += votes.Scores[l];
            if (votes.Scores[l] > votes.Scores[best]) best = l;
        }
        double top = votes.Scores[best];
        if (declaredFits)
        {
            int d = Array.IndexOf(_languages, declaredCode);
            var dc = d >= 0 ? votes.Scores[d] : 0;
            if (dc >= top * DeclaredShare || total < MinEvidence) return declaredCode;
        }
        sure = total >= MinEvidence;
        return _languages[best];
    }

    /// <summary>Sums the weights of the stopword hits of languages written in the page's script.</summary>
    private struct StopwordVotes(LanguageDetector detector, string script) : PhraseMatcher.IHitSink
    {
        public readonly double[] Scores = new double[detector._languages.Length];
        public readonly List<int> Voted = [];

        public readonly bool Hit(int end, int phrase)
        {
            int lang = detector._languageOf[phrase];
            if (detector._scriptOfLanguageIndex[lang] != script) return true;
            if (Scores[lang] == 0 && !Voted.Contains(lang)) Voted.Add(lang);
            Scores[lang] += detector._weightOf[phrase];
            return true;
        }
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

    /// <summary>The script of a letter (null for none): the table <see cref="DominantScript"/> counts by.</summary>
    internal static string? ScriptOf(char c) => c switch
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

    // Every char's script, as an index into ScriptNames (0: none), so counting a page's scripts takes no lookups.
    private static readonly string?[] ScriptNames =
        [null, "Latn", "Grek", "Cyrl", "Hebr", "Arab", "Thai", "Deva", "Beng", "Geor", "Armn", "Kana", "Hani", "Hang"];
    private static readonly byte[] ScriptIndex = BuildScriptIndex();

    private static byte[] BuildScriptIndex()
    {
        var index = new byte[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
            index[c] = (byte)Math.Max(0, Array.IndexOf(ScriptNames, ScriptOf((char)c), 1));
        return index;
    }

    /// <summary>The script most of the letters are written in.</summary>
    public static string DominantScript(ReadOnlySpan<char> text)
    {
        // ASCII text has Latin letters or none, and either way is "Latn": one vectorised test for most pages.
        if (!text.ContainsAnyExceptInRange('\0', '\u007F')) return ScriptNames[Latn]!;
        Span<int> counts = stackalloc int[ScriptNames.Length];
        Span<int> firstAt = stackalloc int[ScriptNames.Length];
        var scriptIndex = ScriptIndex;
        // Every character is counted, those of no script under 0 (the test for "none" in the loop mispredicted at
        // every space); where each script first appears decides ties. Runs of 16 ASCII characters (most of a page
        // in a Latin script) only have their letters counted, as one bit mask.
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            while (i + 16 <= text.Length)
            {
                if (!Ascii16.TryLoad(text, i, out var v))
                {
                    for (int end = i + 16; i < end; i++)
                    {
                        int s = scriptIndex[text[i]];
                        if (counts[s]++ == 0) firstAt[s] = i;
                    }
                    continue;
                }
                uint letters = Ascii16.Letters(v);
                if (letters != 0)
                {
                    if (counts[Latn] == 0) firstAt[Latn] = i + BitOperations.TrailingZeroCount(letters);
                    counts[Latn] += BitOperations.PopCount(letters);
                }
                i += 16;
            }
        }
        for (; i < text.Length; i++)
        {
            int s = scriptIndex[text[i]];
            if (counts[s]++ == 0) firstAt[s] = i;
        }
        counts[0] = 0;
        Span<int> order = stackalloc int[ScriptNames.Length]; // scripts in order of first appearance
        int seen = 0;
        for (int s = 1; s < ScriptNames.Length; s++)
        {
            if (counts[s] == 0) continue;
            int k = seen++;
            while (k > 0 && firstAt[order[k - 1]] > firstAt[s]) { order[k] = order[k - 1]; k--; }
            order[k] = s;
        }
        // Japanese mixes kana into kanji; a modest share of kana settles it. A character of an unspaced script
        // carries about a short word (as in TextMetrics.EffectiveLength), so it weighs three letters: brand names,
        // URLs and pinyin beside Chinese text do not make it Latin.
        if (counts[Kana] > 0 && counts[Kana] * 10 >= counts[Hani]) { counts[Kana] += counts[Hani]; counts[Hani] = 0; }
        counts[Hani] *= 3;
        counts[Kana] *= 3;
        counts[Hang] *= 3;
        // The first script to reach the highest count wins, in order of first appearance.
        int best = 0;
        for (int k = 0; k < seen; k++)
            if (counts[order[k]] > counts[best]) best = order[k];
        return best == 0 ? ScriptNames[Latn]! : ScriptNames[best]!;
    }

    private static readonly int Latn = Array.IndexOf(ScriptNames, "Latn"), Hani = Array.IndexOf(ScriptNames, "Hani"),
        Kana = Array.IndexOf(ScriptNames, "Kana"), Hang = Array.IndexOf(ScriptNames, "Hang");
}
