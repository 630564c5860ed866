using Cleaner.Core.Knowledge;

namespace Cleaner.Core.Metadata;

/// <summary>Reads the dateline that opens a story: "WASHINGTON/SAN FRANCISCO (Reuters) – …", "MOSCOW (AP) —",
/// "Hamburg (dpa/lno) -", "CAIRO —". Returns the place(s) and the agency.</summary>
public sealed class DatelineParser(PhraseBook phrases)
{
    private readonly Dictionary<string, string> _agencies = phrases.All("agency")
        .GroupBy(a => TextFold.Fold(a.Phrase)).ToDictionary(g => g.Key, g => g.First().Phrase);

    public readonly record struct Dateline(string Place, string? Agency);

    public bool TryParse(string lead, out Dateline dateline)
    {
        dateline = default;
        var text = lead.TrimStart();
        // Find the dash that ends the dateline within the first 80 characters.
        int limit = Math.Min(text.Length, 90);
        int dash = -1;
        for (int i = 1; i < limit; i++)
        {
            if (text[i] is '–' or '—' || text[i] == '-' && i + 1 < text.Length && text[i + 1] == ' ' && text[i - 1] == ' ')
            {
                dash = i;
                break;
            }
            if (text[i] is '.' or '!' or '?' or ';' or '"' or '«') return false;
        }
        if (dash < 0) return false;
        var head = text[..dash].Trim().TrimEnd('-', '–').Trim();
        string? agency = null;
        if (head.EndsWith(')'))
        {
            int open = head.LastIndexOf('(');
            if (open <= 0) return false;
            var tag = head[(open + 1)..^1].Trim();
            agency = ResolveAgency(tag);
            if (agency == null) return false;
            head = head[..open].Trim().TrimEnd(',').Trim();
        }
        if (head.Length is < 2 or > 60) return false;
        // A place: capitalised words (all caps, or title case with at most 4 words), "/" joining several places.
        var words = head.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6) return false;
        bool allCaps = head.Where(char.IsLetter).All(char.IsUpper);
        if (!allCaps)
        {
            if (agency == null) return false; // "Title Case —" without an agency is too often a phrase
            if (words.Any(w => !char.IsUpper(w[0]) && !IsPlaceParticle(w))) return false;
        }
        if (!head.Any(char.IsLetter)) return false;
        dateline = new Dateline(head.TrimEnd(','), agency);
        return true;
    }

    private string? ResolveAgency(string tag)
    {
        // "dpa/lno" -> dpa; "Reuters" -> Reuters; "AFP" -> AFP
        foreach (var part in tag.Split(['/', ',', '-'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (_agencies.TryGetValue(TextFold.Fold(part), out var name)) return part.Length > 0 ? part : name;
        return null;
    }

    private static bool IsPlaceParticle(string w) => w is "de" or "del" or "da" or "do" or "am" or "an" or "im" or "on" or "upon" or "la" or "le" or "sur" or "bei" or "y" or "and";
}
