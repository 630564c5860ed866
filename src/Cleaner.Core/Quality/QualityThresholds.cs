using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cleaner.Core.Quality;

/// <summary>What `cleaner check` requires of a cleaned document. Defaults pass ordinary news articles (on the dev corpus
/// more than 90% of the pages whose gold marks them as articles) and fail walls, empty pages and broken charsets.
/// Loaded from the "check" section of cleaner.json (snake_case keys, as in <see cref="Keys"/>), then overridden by options.</summary>
public sealed record QualityThresholds
{
    /// <summary>Fewest article characters (body paragraphs).</summary>
    public int MinChars { get; init; } = 250;
    /// <summary>Fewest body paragraphs.</summary>
    public int MinParagraphs { get; init; } = 1;
    /// <summary>Largest share of the page text that may be boilerplate (0–1).</summary>
    public double MaxBoilerplateShare { get; init; } = 0.98;
    public bool RequireTitle { get; init; }
    public bool RequireAuthors { get; init; }
    public bool RequireDate { get; init; }
    /// <summary>Accepted languages (ISO 639-1); empty accepts any.</summary>
    public IReadOnlyList<string> ExpectLanguage { get; init; } = [];
    /// <summary>Most body paragraphs that still read like consent, appeal, subscription, newsletter, share or navigation text.</summary>
    public int MaxResidue { get; init; } = 3;
    /// <summary>Most signs of a wrong charset in the body: replacement characters and UTF-8-read-as-Latin-1 sequences.</summary>
    public int MaxMojibake { get; init; } = 3;
    /// <summary>Largest share of body characters in paragraphs that repeat an earlier one (case and spacing ignored).</summary>
    public double MaxDuplicateShare { get; init; } = 0.3;

    public static readonly string[] Keys =
    [
        "min_chars", "min_paragraphs", "max_boilerplate_share", "require_title", "require_authors", "require_date",
        "expect_language", "max_residue", "max_mojibake", "max_duplicate_share",
    ];

    /// <summary>Applies the keys of a config section (unknown keys are an error, so typos do not pass silently).</summary>
    public QualityThresholds With(JsonObject section, string source)
    {
        var t = this;
        foreach (var (key, value) in section)
        {
            try
            {
                t = key switch
                {
                    "min_chars" => t with { MinChars = value!.GetValue<int>() },
                    "min_paragraphs" => t with { MinParagraphs = value!.GetValue<int>() },
                    "max_boilerplate_share" => t with { MaxBoilerplateShare = value!.GetValue<double>() },
                    "require_title" => t with { RequireTitle = value!.GetValue<bool>() },
                    "require_authors" => t with { RequireAuthors = value!.GetValue<bool>() },
                    "require_date" => t with { RequireDate = value!.GetValue<bool>() },
                    "expect_language" => t with { ExpectLanguage = value is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : ParseLanguages(value!.GetValue<string>()) },
                    "max_residue" => t with { MaxResidue = value!.GetValue<int>() },
                    "max_mojibake" => t with { MaxMojibake = value!.GetValue<int>() },
                    "max_duplicate_share" => t with { MaxDuplicateShare = value!.GetValue<double>() },
                    _ when key.StartsWith('_') => t,
                    _ => throw new InvalidDataException($"{source}: unknown check setting \"{key}\" (known: {string.Join(", ", Keys)})"),
                };
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
            {
                throw new InvalidDataException($"{source}: check setting \"{key}\" has the wrong type");
            }
        }
        return t;
    }

    public static IReadOnlyList<string> ParseLanguages(string s) =>
        s.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
         .Select(x => Metadata.LanguageDetector.Normalize(x) ?? x.ToLowerInvariant()).ToList();

    /// <summary>Reads the "check" section of a cleaner.json file.</summary>
    public static QualityThresholds FromConfigFile(string path, QualityThresholds? start = null)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: invalid JSON: {e.Message}"); }
        if (root is not JsonObject o) throw new InvalidDataException($"{path}: not a JSON object");
        var t = start ?? new QualityThresholds();
        return o["check"] is JsonObject section ? t.With(section, path) : t;
    }

    /// <summary>cleaner.json in the directory or the nearest ancestor that has one; null if none.</summary>
    public static string? FindConfig(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "cleaner.json");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public JsonObject ToJson() => new()
    {
        ["min_chars"] = MinChars, ["min_paragraphs"] = MinParagraphs, ["max_boilerplate_share"] = MaxBoilerplateShare,
        ["require_title"] = RequireTitle, ["require_authors"] = RequireAuthors, ["require_date"] = RequireDate,
        ["expect_language"] = new JsonArray(ExpectLanguage.Select(l => (JsonNode?)l).ToArray()),
        ["max_residue"] = MaxResidue, ["max_mojibake"] = MaxMojibake, ["max_duplicate_share"] = MaxDuplicateShare,
    };

    internal static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
