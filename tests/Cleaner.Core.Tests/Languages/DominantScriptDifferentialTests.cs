using Cleaner.Core.Metadata;
using Xunit;

namespace Cleaner.Core.Tests.Languages;

/// <summary>DominantScript (16 ASCII characters a mask, counts by table, ties by first appearance) against the
/// character-by-character rule it replaced, on random text mixing scripts in runs longer and shorter than 16.</summary>
public class DominantScriptDifferentialTests
{
    private static string Plain(string text)
    {
        var counts = new Dictionary<string, int>();
        var order = new List<string>();
        foreach (var c in text)
        {
            if (LanguageDetector.ScriptOf(c) is not { } s) continue;
            if (!counts.TryAdd(s, 1)) counts[s]++;
            else order.Add(s);
        }
        int Get(string s) => counts.GetValueOrDefault(s);
        if (Get("Kana") > 0 && Get("Kana") * 10 >= Get("Hani")) { counts["Kana"] = Get("Kana") + Get("Hani"); counts["Hani"] = 0; }
        foreach (var s in new[] { "Hani", "Kana", "Hang" }) if (counts.ContainsKey(s)) counts[s] *= 3;
        string? best = null;
        foreach (var s in order) if (counts[s] > (best == null ? 0 : counts[best])) best = s;
        return best ?? "Latn";
    }

    [Fact]
    public void AgreesWithThePlainCount()
    {
        string[] pieces = ["abcdefghijklmnopqrstu", "the ", "1234 ", "., ", "é", "ß", "абв", "αβγ", "שלום", "سلام", "東京", "の", "ひらがな",
            "한국", "ภาษา", "हिन्दी", "বাংলা", "ქართ", "Հայ", "\u0301", "\uD83D\uDE00", "ﻻ", " ", "\n", "\t"];
        var random = new Random(31);
        for (int round = 0; round < 20000; round++)
        {
            var text = new System.Text.StringBuilder();
            for (int k = random.Next(0, 25); k > 0; k--) text.Append(pieces[random.Next(pieces.Length)]);
            var t = text.ToString();
            Assert.True(Plain(t) == LanguageDetector.DominantScript(t), $"\"{t}\"");
        }
    }
}
