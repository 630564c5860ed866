using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Cleaner.Cli.Batch;
using Cleaner.Cli.Check;
using Cleaner.Core;
using Cleaner.Core.Batch;
using Cleaner.Core.Input;
using Cleaner.Core.Output;
using Cleaner.Core.Quality;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner check [INPUT...]</c>: clean every document and assess it (a CI gate for scrape quality).
/// Exit 0 when all pass, 1 when some fail, 2 on usage or input errors.</summary>
public static class CheckCommand
{
    private static readonly Option<string?> Config = new("--config") { Description = "Thresholds file (default: cleaner.json in the working directory or the nearest ancestor; keys under \"check\")." };
    private static readonly Option<int?> MinChars = new("--min-chars") { Description = "Fewest article characters." };
    private static readonly Option<int?> MinParagraphs = new("--min-paragraphs") { Description = "Fewest article paragraphs." };
    private static readonly Option<double?> MaxBoilerplate = new("--max-boilerplate-share") { Description = "Largest share (0-1) of the page text that may be boilerplate." };
    private static readonly Option<bool> RequireTitle = new("--require-title") { Description = "Fail documents without a title." };
    private static readonly Option<bool> RequireAuthors = new("--require-authors") { Description = "Fail documents without authors." };
    private static readonly Option<bool> RequireDate = new("--require-date") { Description = "Fail documents without a date." };
    private static readonly Option<string?> ExpectLanguage = new("--expect-language") { Description = "Accepted languages, comma-separated ISO 639-1 codes (e.g. de,en)." };
    private static readonly Option<int?> MaxResidue = new("--max-residue") { Description = "Most body paragraphs that still read like consent/appeal/navigation text." };
    private static readonly Option<int?> MaxMojibake = new("--max-mojibake") { Description = "Most replacement characters plus mis-decoded sequences in the body." };
    private static readonly Option<double?> MaxDuplicates = new("--max-duplicate-share") { Description = "Largest share (0-1) of the body in repeated paragraphs." };
    private static readonly Option<string?> Expected = new("--expected") { Description = "Folder of expected outputs (<id>.txt, text format); report paragraphs added/removed." };
    private static readonly Option<bool> UpdateExpected = new("--update-expected") { Description = "Rewrite the expected outputs in --expected from the current ones." };
    private static readonly Option<string?> ReportFormat = new("--report-format") { Description = "table (default), json, junit or github.", HelpName = "table|json|junit|github" };
    private static readonly Option<string?> Report = new("--report") { Description = "Write the report to FILE (format from --report-format, else the extension: .xml junit, .json json); the table still goes to stdout." };

    public static Command Create()
    {
        var cmd = new Command("check", "Clean documents and check their quality: a CI gate for scrapes (exit 0 all pass, 1 some fail, 2 usage/input error).");
        cmd.Add(CleanCommand.Inputs);
        foreach (var o in new Option[] { Config, MinChars, MinParagraphs, MaxBoilerplate, RequireTitle, RequireAuthors, RequireDate, ExpectLanguage,
                     MaxResidue, MaxMojibake, MaxDuplicates, Expected, UpdateExpected, ReportFormat, Report,
                     // the input options of `clean`, so check reads the same forms (folders, globs, @lists, JSONL, WARC)
                     CleanCommand.InputFormatOption, CleanCommand.HtmlField, CleanCommand.TextField, CleanCommand.IdField, CleanCommand.UrlField,
                     CleanCommand.Jobs, CleanCommand.Language, CleanCommand.Rules, CleanCommand.MaxBytes })
            cmd.Add(o);
        cmd.SetAction(Run);
        return cmd;
    }

    /// <summary>Defaults, then the config file, then the options given on the command line.</summary>
    public static QualityThresholds BuildThresholds(ParseResult parse, out string? configPath)
    {
        configPath = parse.GetValue(Config);
        if (configPath != null && !File.Exists(configPath)) throw new FileNotFoundException($"config file not found: {configPath}");
        configPath ??= QualityThresholds.FindConfig(Directory.GetCurrentDirectory());
        var t = configPath != null ? QualityThresholds.FromConfigFile(configPath) : new QualityThresholds();
        if (parse.GetValue(MinChars) is { } minChars) t = t with { MinChars = minChars };
        if (parse.GetValue(MinParagraphs) is { } minParas) t = t with { MinParagraphs = minParas };
        if (parse.GetValue(MaxBoilerplate) is { } maxBp) t = t with { MaxBoilerplateShare = maxBp };
        if (parse.GetValue(RequireTitle)) t = t with { RequireTitle = true };
        if (parse.GetValue(RequireAuthors)) t = t with { RequireAuthors = true };
        if (parse.GetValue(RequireDate)) t = t with { RequireDate = true };
        if (parse.GetValue(ExpectLanguage) is { } langs) t = t with { ExpectLanguage = QualityThresholds.ParseLanguages(langs) };
        if (parse.GetValue(MaxResidue) is { } residue) t = t with { MaxResidue = residue };
        if (parse.GetValue(MaxMojibake) is { } moji) t = t with { MaxMojibake = moji };
        if (parse.GetValue(MaxDuplicates) is { } dup) t = t with { MaxDuplicateShare = dup };
        return t;
    }

    private static int Run(ParseResult parse)
    {
        var inputs = parse.GetValue(CleanCommand.Inputs) ?? [];
        if (inputs.Length == 0 && !Console.IsInputRedirected)
        {
            Console.Error.WriteLine("cleaner: check: no input: give files or folders, or pipe a page to stdin. Try 'cleaner check --help'.");
            return ExitCodes.Usage;
        }
        if (inputs.Length == 0) inputs = ["-"];

        var reportPath = parse.GetValue(Report);
        var format = (parse.GetValue(ReportFormat) ?? (reportPath == null ? "table" : FormatFromExtension(reportPath))).ToLowerInvariant();
        if (!CheckReports.Formats.Contains(format))
        {
            Console.Error.WriteLine($"cleaner: check: unknown report format '{format}' ({string.Join(", ", CheckReports.Formats)})");
            return ExitCodes.Usage;
        }
        var expectedDir = parse.GetValue(Expected);
        bool update = parse.GetValue(UpdateExpected);
        if (update && expectedDir == null)
        {
            Console.Error.WriteLine("cleaner: check: --update-expected needs --expected DIR");
            return ExitCodes.Usage;
        }
        if (expectedDir != null && !update && !Directory.Exists(expectedDir))
        {
            Console.Error.WriteLine($"cleaner: check: expected folder not found: {expectedDir} (create it with --update-expected)");
            return ExitCodes.Usage;
        }

        QualityThresholds thresholds;
        string? configPath;
        CleanerPipeline pipeline;
        try
        {
            thresholds = BuildThresholds(parse, out configPath);
            pipeline = new CleanerPipeline(CleanCommand.BuildOptions(parse));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"cleaner: check: {e.Message}");
            return ExitCodes.Usage;
        }
        if (!CleanCommand.TryParseInputKind(parse.GetValue(CleanCommand.InputFormatOption)!, out var inputKind))
        {
            Console.Error.WriteLine($"cleaner: check: unknown input format '{parse.GetValue(CleanCommand.InputFormatOption)}' (auto, page, jsonl, warc)");
            return ExitCodes.Usage;
        }
        if (update) Directory.CreateDirectory(expectedDir!);

        var assessor = new QualityAssessor(thresholds, pipeline.Options.Phrases);
        var fields = new JsonlFields(parse.GetValue(CleanCommand.HtmlField)!, parse.GetValue(CleanCommand.TextField)!,
            parse.GetValue(CleanCommand.IdField)!, parse.GetValue(CleanCommand.UrlField)!);
        var total = Stopwatch.StartNew();
        List<BatchItem> items;
        try
        {
            items = BatchInputs.Expand(inputs).SelectMany(s => BatchInputs.Items(s, inputKind, fields, pipeline.Options.MaxBytes)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnreadableInputException)
        {
            Console.Error.WriteLine($"cleaner: check: {e.Message}");
            return ExitCodes.Usage;
        }
        var docs = new CheckedDocument[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(CleanCommand.Jobs)) },
            i => docs[i] = CheckOne(items[i], pipeline, assessor, expectedDir, update));
        var summary = CheckSummary.Of(docs, total.Elapsed.TotalSeconds);

        var rendered = CheckReports.Render(format, docs, summary, thresholds, configPath);
        if (reportPath != null)
        {
            try
            {
                File.WriteAllText(reportPath, rendered, new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"cleaner: check: cannot write report: {e.Message}");
                return ExitCodes.Usage;
            }
            Console.Out.Write(CheckReports.Table(docs, summary));
        }
        else
        {
            Console.Out.Write(rendered);
        }
        Console.Out.Flush();
        if (format != "table" || reportPath != null) Console.Error.WriteLine("cleaner: check: " + summary);
        if (summary.Errors > 0) return ExitCodes.Usage;
        return summary.Failed > 0 ? ExitCodes.NoArticle : ExitCodes.Ok;
    }

    private static string FormatFromExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch { ".xml" => "junit", ".json" => "json", _ => "table" };

    private static CheckedDocument CheckOne(BatchItem item, CleanerPipeline pipeline, QualityAssessor assessor, string? expectedDir, bool update)
    {
        var sw = Stopwatch.StartNew();
        var id = item.Id;
        var path = item.Source ?? item.Id;
        try
        {
            var result = pipeline.Clean(item.TakeDocument());
            var assessment = assessor.Assess(result);
            var diff = new List<DiffLine>();
            if (expectedDir != null)
            {
                var text = Writers.Text(result.Article);
                var file = Path.Combine(expectedDir, CleanCommand.SafeFileName(id) + ".txt");
                if (update)
                {
                    File.WriteAllText(file, text, new UTF8Encoding(false));
                }
                else if (!File.Exists(file))
                {
                    assessment.Failures.Add(new QualityIssue("expected", $"no expected output {file} (create it with --update-expected)"));
                }
                else
                {
                    diff = ParagraphDiff.Compare(ParagraphDiff.Paragraphs(File.ReadAllText(file)), ParagraphDiff.Paragraphs(text));
                    if (diff.Count > 0)
                        assessment.Failures.Add(new QualityIssue("expected",
                            $"output differs from {file}: {diff.Count(d => d.Op == DiffOp.Removed)} paragraphs removed, {diff.Count(d => d.Op == DiffOp.Added)} added"));
                }
            }
            return new CheckedDocument { Id = id, Path = path, Assessment = assessment, Diff = diff, Seconds = sw.Elapsed.TotalSeconds };
        }
        catch (UnreadableInputException e)
        {
            Console.Error.WriteLine($"cleaner: {e.Message}");
            return new CheckedDocument { Id = id, Path = path, Error = e.Message, Seconds = sw.Elapsed.TotalSeconds };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cleaner: {path}: {e.Message}");
            return new CheckedDocument { Id = id, Path = path, Error = e.Message, Seconds = sw.Elapsed.TotalSeconds };
        }
    }
}
