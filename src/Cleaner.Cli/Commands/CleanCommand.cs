using System.CommandLine;
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
        Description = "Print every input block with its label and the rule that decided it.",
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
                        output.WriteLine(Writers.Json(ArticleRecord.FromError(InputResolver.IdFromPath(path), path, e.Kind, e.Message)));
                    exit = ExitCodes.Usage;
                    continue;
                }
                foreach (var w in result.Warnings) Console.Error.WriteLine($"cleaner: warning: {result.Id}: {w}");
                if (!result.Article.Found && exit == ExitCodes.Ok) exit = ExitCodes.NoArticle;

                var rendered = explain ? Writers.Explain(result) : Render(result, format, pretty);
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
