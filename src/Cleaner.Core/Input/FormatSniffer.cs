using Cleaner.Core.Model;

namespace Cleaner.Core.Input;

/// <summary>Decides HTML vs text dump from content, never from the file name.</summary>
public static class FormatSniffer
{
    private static readonly string[] StrongMarkers =
        ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title>", "<div", "<p>", "<p ", "<article", "<script", "<span", "<table", "<br"];

    public static InputFormat Sniff(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 8192)).TrimStart();
        if (!head.Contains('<')) return InputFormat.TextDump; // no tag at all: most text dumps, without the marker searches
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
            head.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
            head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            return InputFormat.Html;

        int hits = 0, tags = 0;
        foreach (var m in StrongMarkers)
            if (head.Contains(m, StringComparison.OrdinalIgnoreCase)) hits++;
        for (int i = 0; i + 1 < head.Length; i++)
            if (head[i] == '<' && (char.IsAsciiLetter(head[i + 1]) || head[i + 1] == '/')) tags++;
        // A text dump may quote a tag or two; HTML has many.
        return hits >= 2 || tags >= 8 && tags > head.Length / 400 ? InputFormat.Html : InputFormat.TextDump;
    }
}
