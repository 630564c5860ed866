using System.CommandLine;
using Cleaner.Cli.Batch;
using Cleaner.Cli.Inputs;
using Cleaner.Core;
using Cleaner.Core.Input;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Output;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner [clean] [INPUT...]</c>: clean pages to text, JSON/JSONL or Markdown.</summary>
public static class CleanCommand
{
    public static readonly Argument<string[]> Inputs = new("INPUT")
    {
        Description = "Files or folders to clean; '-' or nothing (with redirected stdin) reads stdin.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string?> Format = new("--format", "-f")
    {
        Description = "Output format: text (default for one document), json, jsonl (default for several), markdown.",
        HelpName = "text|json|jsonl|markdown",
    };

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Write to this file (one document or jsonl) or folder (one file per document) instead of stdout.",
    };

    public static readonly Option<bool> Explain = new("--explain")
    {
        Description = "Print every input block with its label and the rule that decided it (with --format json/jsonl: one JSON array a document, full block texts).",
    };

    public static readonly Option<string?> Language = new("--language")
    {
        Description = "The documents' language (ISO 639-1); skips detection.",
    };

    public static readonly Option<string?> Rules = new("--rules")
    {
        Description = "A phrase rules file layered over the built-in data (same format as src/Cleaner.Core/Data/phrases).",
    };

    public static readonly Option<long> MaxBytes = new("--max-bytes")
    {
        Description = "Largest document accepted after decompression, in bytes.",
        DefaultValueFactory = _ => 50L * 1024 * 1024,
    };

    public static readonly Option<bool> Pretty = new("--pretty")
    {
        Description = "Indent JSON output.",
    };

    public static readonly Option<string> InputFormatOption = new("--input-format")
    {
        Description = "How inputs hold pages: auto (by extension: .jsonl/.ndjson, .warc, else one page a file), page, jsonl, warc.",
        HelpName = "auto|page|jsonl|warc",
        DefaultValueFactory = _ => "auto",
    };

    public static readonly Option<string> HtmlField = new("--html-field") { Description = "JSONL field holding a page's HTML.", DefaultValueFactory = _ => "html" };
    public static readonly Option<string> TextField = new("--text-field") { Description = "JSONL field holding a page's text dump.", DefaultValueFactory = _ => "text" };
    public static readonly Option<string> IdField = new("--id-field") { Description = "JSONL field holding the document id.", DefaultValueFactory = _ => "id" };
    public static readonly Option<string> UrlField = new("--url-field") { Description = "JSONL field holding the page URL.", DefaultValueFactory = _ => "url" };

    public static readonly Option<int> Jobs = new("--jobs", "-j")
    {
        Description = "Documents cleaned in parallel (default: the number of cores). Output order is input order whatever N is.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static readonly Option<double> Timeout = new("--timeout")
    {
        Description = "Seconds allowed per document; past it the document becomes an error record.",
        DefaultValueFactory = _ => 10,
    };

    public static readonly Option<bool> FailFast = new("--fail-fast")
    {
        Description = "Stop at the first document that fails (after writing its error record).",
    };

    public static readonly Option<bool> Resume = new("--resume")
    {
        Description = "Continue an interrupted run: skip the documents already in -o FILE (jsonl) or -o DIR.",
    };

    public static readonly Option<string?> Stats = new("--stats")
    {
        Description = "Write the run's summary as JSON to this file.",
        HelpName = "FILE",
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "No progress, summary or per-document messages on stderr.",
    };

    public static Command Create()
    {
        var cmd = new Command("clean", "Clean pages into article text (the default command).");
        Configure(cmd);
        return cmd;
    }

    public static void Configure(Command cmd)
    {
        cmd.Add(Inputs);
        cmd.Add(Format);
        cmd.Add(Output);
        cmd.Add(Explain);
        cmd.Add(Language);
        cmd.Add(Rules);
        cmd.Add(MaxBytes);
        cmd.Add(Pretty);
        cmd.Add(InputFormatOption);
        cmd.Add(HtmlField);
        cmd.Add(TextField);
        cmd.Add(IdField);
        cmd.Add(UrlField);
        cmd.Add(Jobs);
        cmd.Add(Timeout);
        cmd.Add(FailFast);
        cmd.Add(Resume);
        cmd.Add(Stats);
        cmd.Add(Quiet);
        cmd.SetAction(Run);
    }

    public static CleanerOptions BuildOptions(ParseResult parse)
    {
        var phrases = PhraseBook.Default;
        var rules = parse.GetValue(Rules);
        if (rules != null) phrases = phrases.WithRulesFile(rules);
        return new CleanerOptions { Phrases = phrases, Language = parse.GetValue(Language), MaxBytes = parse.GetValue(MaxBytes) };
    }

    private static int Run(ParseResult parse)
    {
        var inputs = parse.GetValue(Inputs) ?? [];
        if (inputs.Length == 0 && !Console.IsInputRedirected)
        {
            Console.Error.WriteLine("cleaner: no input: give files or folders, or pipe a page to stdin. Try 'cleaner --help'.");
            return ExitCodes.Usage;
        }
        if (inputs.Length == 0) inputs = ["-"];

        CleanerOptions options;
        try
        {
            options = BuildOptions(parse);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cleaner: cannot read rules file: {e.Message}");
            return ExitCodes.Usage;
        }
        var pipeline = new CleanerPipeline(options);
        if (!TryParseInputKind(parse.GetValue(InputFormatOption)!, out var inputKind))
        {
            Console.Error.WriteLine($"cleaner: unknown input format '{parse.GetValue(InputFormatOption)}' (auto, page, jsonl, warc)");
            return ExitCodes.Usage;
        }
        // One page (a file, or stdin that is not a WARC stream) keeps the simple single-document mode;
        // anything else (folders, globs, lists, several files, JSONL, WARC) is a batch.
        var sources = BatchInputs.Expand(inputs).Take(2).ToList();
        bool single = sources.Count == 1 && sources[0].IsSingleFile &&
                      BatchInputs.KindOf(sources[0].Path, inputKind) switch
                      {
                          InputKind.Page => true,
                          InputKind.Auto => !BatchInputs.StdinIsWarc(),
                          _ => false,
                      };
        if (!single) return BatchRun.Run(parse, inputs, inputKind, pipeline);

        var paths = InputResolver.ExpandPaths(inputs).ToList();
        var formatName = parse.GetValue(Format) ?? (paths.Count == 1 ? "text" : "jsonl");
        if (!TryParseFormat(formatName, out var format))
        {
            Console.Error.WriteLine($"cleaner: unknown format '{formatName}' (text, json, jsonl, markdown)");
            return ExitCodes.Usage;
        }
        var outputPath = parse.GetValue(Output);
        bool explain = parse.GetValue(Explain);
        bool pretty = parse.GetValue(Pretty);

        using var writer = outputPath == null ? new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) : null;
        TextWriter? fileWriter = null;
        try
        {
            if (outputPath != null && !Directory.Exists(outputPath))
                fileWriter = new StreamWriter(outputPath, false, new System.Text.UTF8Encoding(false));
            var output = (TextWriter?)writer ?? fileWriter;
            int exit = ExitCodes.Ok;
            foreach (var path in paths)
            {
                CleanResult result;
                try
                {
                    result = pipeline.Clean(InputResolver.Load(path, options.MaxBytes));
                }
                catch (UnreadableInputException e)
                {
                    Console.Error.WriteLine($"cleaner: {e.Message}");
                    if (format == OutputFormat.Jsonl && output != null)
                        output.WriteLine(Writers.Json(ArticleRecord.FromError(InputDocument.IdFromPath(path), path, e.Kind, e.Message)));
                    exit = ExitCodes.Usage;
                    continue;
                }
                foreach (var w in result.Warnings) Console.Error.WriteLine($"cleaner: warning: {result.Id}: {w}");
                if (!result.Article.Found && exit == ExitCodes.Ok) exit = ExitCodes.NoArticle;

                var rendered = !explain ? Render(result, format, pretty)
                    : Writers.RenderExplain(result, asJson: format is OutputFormat.Json or OutputFormat.Jsonl);
                if (output != null) output.Write(rendered);
                else WriteToFolder(outputPath!, result.Id, format, rendered);
            }
            output?.Flush();
            return exit;
        }
        finally
        {
            fileWriter?.Dispose();
        }
    }

    public static string Render(CleanResult result, OutputFormat format, bool pretty) => format switch
    {
        OutputFormat.Json => Writers.Json(ArticleRecord.From(result), indented: pretty) + "\n",
        OutputFormat.Jsonl => Writers.Json(ArticleRecord.From(result)) + "\n",
        OutputFormat.Markdown => Writers.Markdown(result.Article),
        _ => Writers.Text(result.Article),
    };

    public static bool TryParseInputKind(string name, out InputKind kind) =>
        Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    public static bool TryParseFormat(string name, out OutputFormat format)
    {
        switch (name.ToLowerInvariant())
        {
            case "text" or "txt": format = OutputFormat.Text; return true;
            case "json": format = OutputFormat.Json; return true;
            case "jsonl" or "ndjson": format = OutputFormat.Jsonl; return true;
            case "markdown" or "md": format = OutputFormat.Markdown; return true;
            default: format = OutputFormat.Text; return false;
        }
    }

    private static void WriteToFolder(string folder, string id, OutputFormat format, string content)
    {
        var ext = format switch { OutputFormat.Json or OutputFormat.Jsonl => ".json", OutputFormat.Markdown => ".md", _ => ".txt" };
        var safe = SafeFileName(id);
        var final = Path.Combine(folder, safe + ext);
        var temp = final + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false));
        File.Move(temp, final, overwrite: true);
    }

    /// <summary>An id made safe as one file name: no separators, no "..", no control characters, bounded length.
    /// An id that had to be changed gets a stable hash of the original, so two ids never share a file.</summary>
    public static string SafeFileName(string id)
    {
        var chars = id.Select(c => c is '/' or '\\' or ':' or '\0' || char.IsControl(c) ? '_' : c).ToArray();
        var s = new string(chars).Trim('.', ' ');
        if (s.Length > 120) s = s[..120];
        if (s.Length == 0) s = "_";
        if (s != id) s += "-" + StableHash(id);
        return s;
    }

    private static string StableHash(string s) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)).AsSpan(0, 4));
}
