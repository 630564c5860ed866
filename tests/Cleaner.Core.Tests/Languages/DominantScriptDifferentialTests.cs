using Cleaner.Core.Metadata;
using Xunit;

namespace Cleaner.Core.Tests.Languages;

/// <summary>DominantScript (16 ASCII characters a mask, counts by table, ties by first appearance) against the
/// character-by-character rule it replaced, on random text mixing scripts in runs longer and shorter than 16.</summary>
public class DominantScriptDifferentialTests
{
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

    private static string Plain(string text)
    {
        var counts = new Dictionary<string, int>();
        var order = new List<string>();
        foreach (var c in text)
        {
            if (ScriptOf(c) is not { } s) continue;
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
