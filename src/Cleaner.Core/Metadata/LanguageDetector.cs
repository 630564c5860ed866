using Cleaner.Core.Knowledge;

namespace Cleaner.Core.Metadata;

/// <summary>Document language: the script of the letters first (it settles zh, ja, ko, el, he, ar, th, and
/// Cyrillic), then the per-language stopwords of the phrase data; a declared language (html lang) wins
/// when it agrees with the script and the stopwords do not clearly say otherwise.</summary>
public sealed class LanguageDetector(PhraseBook phrases)
{
    private readonly PhraseMatcher _stopwords = phrases.Matcher("stopwords");
    private readonly PhraseBook _phrases = phrases;

    public string? Detect(string text, string? declared = null)
    {
        if (text.Length > 20000) text = text[..20000];
        var declaredCode = Normalize(declared);
        var script = DominantScript(text);
        switch (script)
        {
            case "Hani": return declaredCode is "ja" or "zh" ? declaredCode : "zh";
            case "Kana": return "ja";
            case "Hang": return "ko";
            case "Grek": return "el";
            case "Hebr": return "he";
            case "Arab": return declaredCode is "fa" or "ur" ? declaredCode : "ar";
            case "Thai": return "th";
        }
        var counts = new Dictionary<string, int>();
        foreach (var hit in _stopwords.FindAll(text))
            counts[hit.Language] = counts.GetValueOrDefault(hit.Language) + 1;
        if (script == "Cyrl")
        {
            // Only Cyrillic-script languages compete.
            foreach (var k in counts.Keys.ToList()) if (k is not ("ru" or "uk" or "bg" or "sr" or "mk" or "be")) counts.Remove(k);
            if (counts.Count == 0) return declaredCode ?? "ru";
        }
        if (counts.Count == 0) return declaredCode;
        // A declared language the phrase data has no stopwords for cannot be confirmed or refuted by them.
        if (declaredCode != null && script == "Latn" && _phrases.Get("stopwords", declaredCode).Count == 0) return declaredCode;
        var ranked = counts.OrderByDescending(kv => kv.Value).ToList();
        var top = ranked[0];
        if (declaredCode != null && counts.TryGetValue(declaredCode, out var dc) && dc * 2 >= top.Value) return declaredCode;
        return top.Key;
    }

    public static string? Normalize(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var l = lang.Trim().ToLowerInvariant();
        int dash = l.IndexOfAny(['-', '_']);
        if (dash > 0) l = l[..dash];
        if (l == "nb" || l == "nn") l = "no";
        return l.Length is 2 or 3 && l.All(char.IsAsciiLetterLower) ? l : null;
    }

    private static string DominantScript(string text)
    {
        int latin = 0, cyr = 0, han = 0, kana = 0, hang = 0, grek = 0, hebr = 0, arab = 0, thai = 0;
        foreach (var c in text)
        {
            if (c < 0x80) { if (char.IsAsciiLetter(c)) latin++; continue; }
            if (c <= 0x024F) { if (char.IsLetter(c)) latin++; }
            else if (c >= 0x0370 && c <= 0x03FF) grek++;
            else if (c >= 0x0400 && c <= 0x04FF) cyr++;
            else if (c >= 0x0590 && c <= 0x05FF) hebr++;
            else if (c >= 0x0600 && c <= 0x06FF) arab++;
            else if (c >= 0x0E00 && c <= 0x0E7F) thai++;
            else if (c >= 0x3040 && c <= 0x30FF) kana++;
            else if (c >= 0x4E00 && c <= 0x9FFF) han++;
            else if (c >= 0xAC00 && c <= 0xD7AF) hang++;
        }
        // Japanese mixes kana into kanji; a modest share of kana settles it.
        if (kana > 0 && kana * 10 >= han) kana += han;
        var scores = new (string, int)[] { ("Latn", latin), ("Cyrl", cyr), ("Hani", han * 2), ("Kana", kana * 2), ("Hang", hang * 2), ("Grek", grek), ("Hebr", hebr), ("Arab", arab), ("Thai", thai) };
        var best = scores.MaxBy(s => s.Item2);
        return best.Item2 == 0 ? "Latn" : best.Item1;
    }
}
