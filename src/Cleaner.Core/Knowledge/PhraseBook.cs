using System.Reflection;
using System.Text.RegularExpressions;

namespace Cleaner.Core.Knowledge;

/// <summary>The multilingual phrase knowledge: one data file per language (Data/phrases/xx.txt),
/// sections named by category. Users add or override phrases with <c>--rules FILE</c> in the same format.
/// </summary>
/// <remarks>File format:
/// <code>
/// # comment
/// @language fr          (optional: the language of the phrases that follow; defaults to the file name)
/// [cookie-consent]
/// utilise des cookies
/// -some phrase          (a leading '-' removes a phrase of that category: overriding built-ins)
/// </code></remarks>
public sealed class PhraseBook
{
    private readonly Dictionary<string, Dictionary<string, List<string>>> _byCategory = new(StringComparer.Ordinal); // category -> lang -> phrases
    // Read without a lock on every detector call of every page (parallel jobs); written under _lock.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PhraseMatcher> _matchers = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> _shared = new();
    private readonly object _lock = new();

    private static readonly Lazy<PhraseBook> _default = new(LoadEmbedded);

    /// <summary>The built-in phrase data for every language.</summary>
    public static PhraseBook Default => _default.Value;

    public IEnumerable<string> Categories => _byCategory.Keys;

    public IReadOnlyCollection<string> Languages =>
        _byCategory.Values.SelectMany(d => d.Keys).Distinct().OrderBy(x => x).ToArray();

    /// <summary>Phrases of one category for one language (empty if none).</summary>
    public IReadOnlyList<string> Get(string category, string language) =>
        _byCategory.TryGetValue(category, out var d) && d.TryGetValue(language, out var l) ? l : [];

    /// <summary>Phrases of one category across all languages, with their language.</summary>
    public IEnumerable<(string Phrase, string Language)> All(string category)
    {
        if (!_byCategory.TryGetValue(category, out var d)) yield break;
        foreach (var (lang, list) in d)
            foreach (var p in list) yield return (p, lang);
    }

    /// <summary>A matcher for every phrase of a category, all languages together.</summary>
    public PhraseMatcher Matcher(string category)
    {
        if (_matchers.TryGetValue(category, out var found)) return found;
        lock (_lock)
        {
            if (_matchers.TryGetValue(category, out var m)) return m;
            m = new PhraseMatcher();
            foreach (var (p, lang) in All(category)) m.Add(p, lang);
            m.Build();
            _matchers[category] = m;
            return m;
        }
    }

    /// <summary>One matcher for the phrases of several categories, hits tagged with their category: a page's
    /// blocks are scanned once for all phrase detectors instead of once per detector (see PageContext.PhraseHits).</summary>
    public PhraseMatcher Matcher(IReadOnlyList<string> categories)
    {
        var key = "\u0001" + string.Join("\u0001", categories);
        if (_matchers.TryGetValue(key, out var found)) return found;
        lock (_lock)
        {
            if (_matchers.TryGetValue(key, out var m)) return m;
            m = new PhraseMatcher();
            foreach (var category in categories)
                foreach (var (p, lang) in All(category)) m.Add(p, lang, category);
            m.Build();
            _matchers[key] = m;
            return m;
        }
    }

    /// <summary>An object built from this book once and shared by every page (parsers that index phrase lists:
    /// building them per page was a measurable share of the time). It must be read-only once built.</summary>
    public T Shared<T>(Func<PhraseBook, T> create) where T : class => (T)_shared.GetOrAdd(typeof(T), _ => create(this));

    public void Parse(TextReader reader, string defaultLanguage)
    {
        string lang = defaultLanguage;
        string? category = null;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("@language", StringComparison.Ordinal))
            {
                lang = line["@language".Length..].Trim();
                continue;
            }
            if (line[0] == '[' && line[^1] == ']')
            {
                category = line[1..^1].Trim();
                continue;
            }
            if (category == null) continue;
            var cat = _byCategory.TryGetValue(category, out var c) ? c : _byCategory[category] = new(StringComparer.Ordinal);
            var list = cat.TryGetValue(lang, out var l) ? l : cat[lang] = new List<string>();
            if (line[0] == '-' && line.Length > 1)
            {
                var remove = TextFold.Fold(line[1..].Trim());
                list.RemoveAll(p => TextFold.Fold(p) == remove);
            }
            else if (!list.Contains(line))
            {
                list.Add(line);
            }
        }
        lock (_lock)
        {
            _matchers.Clear();
            _shared.Clear();
        }
    }

    /// <summary>A copy of this book with a user rules file layered on top.</summary>
    public PhraseBook WithRulesFile(string path)
    {
        var book = Clone();
        using var reader = new StreamReader(path);
        book.Parse(reader, Path.GetFileNameWithoutExtension(path) is { Length: 2 } l ? l : "xx");
        return book;
    }

    private PhraseBook Clone()
    {
        var book = new PhraseBook();
        foreach (var (cat, d) in _byCategory)
        {
            var nd = book._byCategory[cat] = new(StringComparer.Ordinal);
            foreach (var (lang, list) in d) nd[lang] = [.. list];
        }
        return book;
    }

    private static PhraseBook LoadEmbedded()
    {
        var book = new PhraseBook();
        var asm = typeof(PhraseBook).Assembly;
        const string prefix = "Cleaner.Data.phrases.";
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            var lang = name[prefix.Length..^".txt".Length];
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            book.Parse(reader, lang);
        }
        return book;
    }
}
