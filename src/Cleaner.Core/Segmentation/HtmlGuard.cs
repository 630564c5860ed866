using Cleaner.Core.Input;

namespace Cleaner.Core.Segmentation;

/// <summary>Limits on the HTML handed to the parser. AngleSharp's tree builder is quadratic in nesting depth
/// (100,000 nested divs: minutes) and everything after it is linear in the number of elements, so both are
/// bounded before parsing. README "Robustness" documents them.</summary>
public sealed record HtmlLimits
{
    /// <summary>Elements nested deeper than this are flattened: their tags are removed, their text is kept.
    /// Real pages stay well under 100; AngleSharp itself stops nesting at 512.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>More start tags than this and the document is refused (<see cref="InputTooComplexException"/>).
    /// About 10 s of parsing and segmenting here; real news pages have a few thousand.</summary>
    public int MaxTags { get; init; } = 200_000;

    public static HtmlLimits Default { get; } = new();
}

/// <summary>The HTML as it will be parsed, with the shape measured by the pre-scan.</summary>
/// <param name="Html">The input, or a copy with the tags deeper than the limit removed.</param>
/// <param name="Tags">Start tags seen.</param>
/// <param name="MaxDepth">Deepest element nesting seen (before flattening).</param>
/// <param name="FlattenedTags">Start and end tags removed because they were nested too deep.</param>
/// <param name="JsonLd">The text of each JSON-LD script, in document order: the parser skips script text
/// (<see cref="HtmlSegmenter.Parse"/>), so the pre-scan, which passes over every script anyway, keeps these.</param>
public sealed record BoundedHtml(string Html, int Tags, int MaxDepth, int FlattenedTags, IReadOnlyList<string> JsonLd)
{
    public bool Flattened => FlattenedTags > 0;
}

/// <summary>One linear pass over the HTML text that models the parser's stack of open elements closely enough
/// to measure nesting (implied end tags of p, li, dt/dd, table parts, options, headings, a; void elements;
/// raw-text elements; comments), counts start tags, and removes the tags that would nest past
/// <see cref="HtmlLimits.MaxDepth"/>. Errors of the model only ever under-count real nesting by a few levels
/// or over-count pages that nothing real produces, so ordinary pages are returned untouched (same string).</summary>
public static class HtmlGuard
{
    private static readonly string[] KnownNames =
    [
        "p", "li", "ul", "ol", "dl", "dt", "dd", "table", "caption", "td", "th", "tr", "thead", "tbody", "tfoot",
        "button", "object", "marquee", "applet", "template", "option", "optgroup", "select", "a", "nobr",
        "h1", "h2", "h3", "h4", "h5", "h6", "svg", "math",
    ];

    // Ids of the names above, fixed so rules can refer to them.
    private const int P = 0, Li = 1, Ul = 2, Ol = 3, Dl = 4, Dt = 5, Dd = 6, Table = 7, Caption = 8, Td = 9, Th = 10, Tr = 11,
        Thead = 12, Tbody = 13, Tfoot = 14, Button = 15, Object = 16, Marquee = 17, Applet = 18, Template = 19,
        Option = 20, Optgroup = 21, Select = 22, A = 23, Nobr = 24, H1 = 25, H6 = 30, Svg = 31, MathMl = 32;

    private static readonly int[] ScopeBoundaries = [Table, Caption, Td, Th, Button, Object, Marquee, Applet, Template];
    private static readonly int[] ListScopeBoundaries = [.. ScopeBoundaries, Ul, Ol];
    private static readonly int[] DlScopeBoundaries = [.. ScopeBoundaries, Dl];
    private static readonly int[] TableOnly = [Table, Template];

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame", "image",
    };

    /// <summary>Elements whose content is text up to their end tag (scripting is off, so noscript is not one).</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes" };

    /// <summary>The document's fixed frame: the parser never nests these.</summary>
    private static readonly HashSet<string> Frame = new(StringComparer.OrdinalIgnoreCase) { "html", "head", "body", "frameset" };

    /// <summary>Start tags that close an open p (HTML "in body" insertion mode).</summary>
    private static readonly HashSet<string> ClosesP = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext",
        "table", "hr", "xmp",
    };

    /// <summary>HTML "special" elements: a formatting element's end tag (or a second a) with one of these above it runs
    /// the adoption agency algorithm, which re-parents instead of closing, so nesting does not shrink.</summary>
    private static readonly HashSet<string> Special = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "applet", "article", "aside", "blockquote", "button", "caption", "center", "colgroup", "dd", "details",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "li", "listing", "main", "marquee", "menu", "nav", "object", "ol", "p", "pre", "search",
        "section", "select", "summary", "table", "tbody", "td", "template", "tfoot", "th", "thead", "tr", "ul",
        "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
    };

    private static readonly HashSet<string> Formatting = new(StringComparer.OrdinalIgnoreCase)
        { "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u" };

    /// <summary>Tags removed when flattening whose removal must not glue words together.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "nobr",
        "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FrameLookup = Frame.GetAlternateLookup<ReadOnlySpan<char>>(),
        VoidLookup = Void.GetAlternateLookup<ReadOnlySpan<char>>(), RawTextLookup = RawText.GetAlternateLookup<ReadOnlySpan<char>>(),
        ClosesPLookup = ClosesP.GetAlternateLookup<ReadOnlySpan<char>>(), InlineLookup = Inline.GetAlternateLookup<ReadOnlySpan<char>>(),
        SpecialLookup = Special.GetAlternateLookup<ReadOnlySpan<char>>(), FormattingLookup = Formatting.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Measures <paramref name="html"/> and bounds it; throws <see cref="InputTooComplexException"/> past
    /// <see cref="HtmlLimits.MaxTags"/>. Linear time, memory linear in the nesting depth.</summary>
    public static BoundedHtml Bound(string html, HtmlLimits? limits = null)
    {
        limits ??= HtmlLimits.Default;
        var scan = new Scanner(html, limits);
        scan.Run();
        if (scan.Removed.Count == 0) return new BoundedHtml(html, scan.Tags, scan.MaxDepth, 0, scan.JsonLd);

        var sb = new System.Text.StringBuilder(html.Length);
        int at = 0;
        foreach (var (start, end, space) in scan.Removed)
        {
            sb.Append(html, at, start - at);
            if (space) sb.Append(' ');
            at = end;
        }
        sb.Append(html, at, html.Length - at);
        return new BoundedHtml(sb.ToString(), scan.Tags, scan.MaxDepth, scan.Removed.Count, scan.JsonLd);
    }

    private sealed class Scanner
    {
        private readonly string html;
        private readonly HtmlLimits limits;
        private readonly Dictionary<string, int> _ids;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
        // The modelled stack of open elements: name id, the index of the previous open element of that name, and the
        // index of the nearest special element at or below this one (-1 if none).
        private readonly List<(int Id, int PrevSame, int Special)> _stack = new();
        private readonly List<int> _top = new();      // by name id: index in _stack of its topmost open element, or -1
        private readonly List<bool> _isSpecial = new(); // by name id

        public int Tags { get; private set; }
        public int MaxDepth { get; private set; }
        public List<(int Start, int End, bool Space)> Removed { get; } = new();
        public List<string> JsonLd { get; } = new();

        public Scanner(string html, HtmlLimits limits)
        {
            this.html = html;
            this.limits = limits;
            _ids = NewIds();
            _idLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        private static Dictionary<string, int> NewIds()
        {
            var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var n in KnownNames) d[n] = d.Count;
            return d;
        }

        public void Run()
        {
            foreach (var n in KnownNames) { _top.Add(-1); _isSpecial.Add(Special.Contains(n)); }
            var s = html.AsSpan();
            int i0 = 0;
            while (true)
            {
                int lt = s[i0..].IndexOf('<');
                if (lt < 0) return;
                int i = i0 + lt;
                if (i + 1 >= s.Length) return;
                char c = s[i + 1];
                if (c == '!')
                {
                    if (s[(i + 2)..].StartsWith("--"))
                    {
                        int end = s[(i + 4)..].IndexOf("-->");
                        if (end < 0) return;
                        i0 = i + 4 + end + 3;
                    }
                    else i0 = SkipTo(s, i + 2, '>');
                }
                else if (c == '?') i0 = SkipTo(s, i + 2, '>');
                else if (c == '/')
                {
                    if (i + 2 < s.Length && char.IsAsciiLetter(s[i + 2]))
                    {
                        int nameEnd = NameEnd(s, i + 2);
                        var name = s[(i + 2)..nameEnd];
                        int tagEnd = TagEnd(s, nameEnd, out _);
                        EndTag(name, i, tagEnd);
                        i0 = tagEnd;
                    }
                    else i0 = SkipTo(s, i + 2, '>');
                }
                else if (char.IsAsciiLetter(c))
                {
                    int nameEnd = NameEnd(s, i + 1);
                    var name = s[(i + 1)..nameEnd];
                    int tagEnd = TagEnd(s, nameEnd, out bool selfClosing);
                    if (++Tags > limits.MaxTags)
                        throw new InputTooComplexException($"HTML has more than {limits.MaxTags} tags");
                    if (name.Equals("plaintext", StringComparison.OrdinalIgnoreCase)) return;
                    // Raw-text elements hold no elements: skip to past their end tag without modelling them.
                    if (RawTextLookup.Contains(name) && !InForeign)
                    {
                        i0 = SkipRawText(s, tagEnd, name, out int bodyEnd);
                        if (name.Equals("script", StringComparison.OrdinalIgnoreCase) && IsJsonLd(s[i..tagEnd]))
                            JsonLd.Add(s[tagEnd..bodyEnd].ToString());
                    }
                    else
                    {
                        StartTag(name, selfClosing, i, tagEnd);
                        i0 = tagEnd;
                    }
                }
                else i0 = i + 1;
                if (i0 >= s.Length) return;
            }
        }

        private bool InForeign => _top[Svg] >= 0 || _top[MathMl] >= 0;

        private void StartTag(ReadOnlySpan<char> name, bool selfClosing, int start, int end)
        {
            var key = name.Length <= 64 ? name : name[..64];
            if (FrameLookup.Contains(key)) return;
            if (VoidLookup.Contains(key)) return;
            if (!_idLookup.TryGetValue(key, out int id))
            {
                id = _ids.Count;
                _ids[key.ToString()] = id;
                _top.Add(-1);
                _isSpecial.Add(SpecialLookup.Contains(key));
            }
            // "<x/>" closes itself only in SVG and MathML (and "<svg/>" itself); in HTML it opens an element.
            if (selfClosing && (InForeign || id is Svg or MathMl)) return;
            ImpliedEnds(id, key);

            int depth = _stack.Count + 1;
            if (depth > MaxDepth) MaxDepth = depth;
            if (depth > limits.MaxDepth) Removed.Add((start, end, !InlineLookup.Contains(key)));
            int special = _isSpecial[id] ? _stack.Count : _stack.Count > 0 ? _stack[^1].Special : -1;
            _stack.Add((id, _top[id], special));
            _top[id] = _stack.Count - 1;
        }

        private void ImpliedEnds(int id, ReadOnlySpan<char> name)
        {
            if (ClosesPLookup.Contains(name) && InScope(P, ScopeBoundaries)) PopTo(_top[P]);
            switch (id)
            {
                case Li when InScope(Li, ListScopeBoundaries): PopTo(_top[Li]); break;
                case Dt or Dd:
                    int cell = Math.Max(_top[Dt], _top[Dd]);
                    if (cell >= 0 && cell > Boundary(DlScopeBoundaries)) PopTo(cell);
                    break;
                case >= H1 and <= H6 when _stack.Count > 0 && _stack[^1].Id is >= H1 and <= H6: PopTo(_stack.Count - 1); break;
                case A or Nobr when InScope(id, ScopeBoundaries) && !SpecialAbove(_top[id]): PopTo(_top[id]); break;
                case Option: if (_stack.Count > 0 && _stack[^1].Id == Option) PopTo(_stack.Count - 1); break;
                case Optgroup:
                    if (_stack.Count > 0 && _stack[^1].Id == Option) PopTo(_stack.Count - 1);
                    if (_stack.Count > 0 && _stack[^1].Id == Optgroup) PopTo(_stack.Count - 1);
                    break;
                case Select when InScope(Select, ScopeBoundaries): PopTo(_top[Select]); break;
                case Tr:
                    if (InScope(Tr, TableOnly)) PopTo(_top[Tr]);
                    break;
                case Td or Th:
                    int c = Math.Max(_top[Td], _top[Th]);
                    if (c >= 0 && c > Boundary(TableOnly)) PopTo(c);
                    break;
                case Thead or Tbody or Tfoot:
                    int section = Math.Max(_top[Thead], Math.Max(_top[Tbody], _top[Tfoot]));
                    if (section >= 0 && section > Boundary(TableOnly)) PopTo(section);
                    else if (InScope(Tr, TableOnly)) PopTo(_top[Tr]);
                    break;
                case Table when _stack.Count > 0 && _stack[^1].Id == Table: PopTo(_stack.Count - 1); break;
            }
        }

        private void EndTag(ReadOnlySpan<char> name, int start, int end)
        {
            var key = name.Length <= 64 ? name : name[..64];
            if (!_idLookup.TryGetValue(key, out int id) || _top[id] < 0) return;
            int at = _top[id];
            if (at >= limits.MaxDepth) Removed.Add((start, end, !InlineLookup.Contains(key)));
            // Adoption agency: the formatting element is re-parented below the special element, the depth stays.
            if (!(FormattingLookup.Contains(key) && SpecialAbove(at))) PopTo(at);
        }

        private bool SpecialAbove(int index) => _stack.Count > 0 && _stack[^1].Special > index;

        private bool InScope(int id, int[] boundaries) => _top[id] >= 0 && _top[id] > Boundary(boundaries);

        private int Boundary(int[] ids)
        {
            int b = -1;
            foreach (var x in ids) if (_top[x] > b) b = _top[x];
            return b;
        }

        /// <summary>Pops the element at <paramref name="index"/> and everything above it.</summary>
        private void PopTo(int index)
        {
            while (_stack.Count > index)
            {
                var (id, prev, _) = _stack[^1];
                _top[id] = prev;
                _stack.RemoveAt(_stack.Count - 1);
            }
        }

        /// <summary>Index just past the tag name that starts at <paramref name="from"/>.</summary>
        private static int NameEnd(ReadOnlySpan<char> s, int from)
        {
            int j = from;
            while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] != '/' && s[j] != '>') j++;
            return j;
        }

        /// <summary>Index just past the tag's closing '>', skipping quoted attribute values; the end of the text if none.</summary>
        private static int TagEnd(ReadOnlySpan<char> s, int from, out bool selfClosing)
        {
            selfClosing = false;
            int j = from;
            while (j < s.Length)
            {
                char c = s[j];
                if (c == '>') { selfClosing = j > from && s[j - 1] == '/'; return j + 1; }
                if (c == '=')
                {
                    j++;
                    while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
                    if (j < s.Length && s[j] is '"' or '\'')
                    {
                        int close = s[(j + 1)..].IndexOf(s[j]);
                        if (close < 0) return s.Length;
                        j = j + 1 + close + 1;
                        continue;
                    }
                    continue;
                }
                j++;
            }
            return s.Length;
        }

        private static int SkipTo(ReadOnlySpan<char> s, int from, char c)
        {
            if (from >= s.Length) return s.Length;
            int k = s[from..].IndexOf(c);
            return k < 0 ? s.Length : from + k + 1;
        }

        /// <summary>Past the end tag of a raw-text element (script, style…), or the end of the text;
        /// <paramref name="bodyEnd"/> is where that end tag starts (the end of the text if none).</summary>
        private static int SkipRawText(ReadOnlySpan<char> s, int from, ReadOnlySpan<char> name, out int bodyEnd)
        {
            int j = from;
            while (j < s.Length)
            {
                int k = s[j..].IndexOf("</", StringComparison.Ordinal);
                if (k < 0) break;
                j += k + 2;
                if (s[j..].StartsWith(name, StringComparison.OrdinalIgnoreCase) &&
                    (j + name.Length >= s.Length || s[j + name.Length] is '>' or '/' || char.IsWhiteSpace(s[j + name.Length])))
                {
                    bodyEnd = j - 2;
                    return TagEnd(s, j + name.Length, out _);
                }
            }
            bodyEnd = s.Length;
            return s.Length;
        }

        /// <summary>A script start tag whose type is JSON-LD; the attribute may spell the plus as a character
        /// reference ("application/ld&amp;#x2B;json", "&amp;#043;", "&amp;plus;"), which the parser would decode.</summary>
        private static bool IsJsonLd(ReadOnlySpan<char> startTag)
        {
            int at = startTag.IndexOf("ld", StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                var rest = startTag[(at + 2)..];
                int plus = PlusLength(rest);
                if (plus > 0 && rest[plus..].StartsWith("json", StringComparison.OrdinalIgnoreCase)) return true;
                int next = rest.IndexOf("ld", StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 2 + next;
            }
            return false;
        }

        /// <summary>Length of the '+' (or a character reference to it) that <paramref name="s"/> starts with, else 0.</summary>
        private static int PlusLength(ReadOnlySpan<char> s)
        {
            if (s.StartsWith("+")) return 1;
            if (s.StartsWith("&plus;", StringComparison.Ordinal)) return 6;
            if (!s.StartsWith("&#")) return 0;
            bool hex = s.Length > 2 && s[2] is 'x' or 'X';
            int digits = hex ? 3 : 2, j = digits, value = 0;
            // Any number of leading zeros; past '+' the value cannot come back to it.
            for (; j < s.Length && value <= '+'; j++)
            {
                char c = s[j];
                if (char.IsAsciiDigit(c)) value = value * (hex ? 16 : 10) + (c - '0');
                else if (hex && char.IsAsciiHexDigit(c)) value = value * 16 + ((c | 0x20) - 'a' + 10);
                else break;
            }
            if (value != '+' || j == digits) return 0;
            return j < s.Length && s[j] == ';' ? j + 1 : j;
        }
    }
}
