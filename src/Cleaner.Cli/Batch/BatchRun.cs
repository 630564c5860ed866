using System.CommandLine;
using Cleaner.Cli.Commands;
using Cleaner.Core;
using Cleaner.Core.Batch;
using Cleaner.Core.Output;

namespace Cleaner.Cli.Batch;

/// <summary>`cleaner clean` over many documents: inputs expanded and read lazily, cleaned on --jobs workers,
/// written in input order (one record per document, errors included), with summary, progress and --resume.</summary>
public static class BatchRun
{
    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    public static int Run(ParseResult parse, string[] inputs, InputKind inputKind, CleanerPipeline pipeline)
    {
        var formatOption = parse.GetValue(CleanCommand.Format);
        var formatName = formatOption ?? "jsonl";
        if (!CleanCommand.TryParseFormat(formatName, out var format))
        {
            Console.Error.WriteLine($"cleaner: unknown format '{formatName}' (text, json, jsonl, markdown)");
            return ExitCodes.Usage;
        }
        bool jsonExplain = formatOption != null && format is OutputFormat.Json or OutputFormat.Jsonl;
        var outputPath = parse.GetValue(CleanCommand.Output);
        bool explain = parse.GetValue(CleanCommand.Explain), pretty = parse.GetValue(CleanCommand.Pretty);
        bool quiet = parse.GetValue(CleanCommand.Quiet), failFast = parse.GetValue(CleanCommand.FailFast);
        bool resume = parse.GetValue(CleanCommand.Resume);
        int jobs = Math.Max(1, parse.GetValue(CleanCommand.Jobs));
        double timeoutSeconds = parse.GetValue(CleanCommand.Timeout);
        if (timeoutSeconds <= 0 || double.IsNaN(timeoutSeconds))
        {
            Console.Error.WriteLine("cleaner: --timeout must be a positive number of seconds");
            return ExitCodes.Usage;
        }
        var fields = new JsonlFields(parse.GetValue(CleanCommand.HtmlField)!, parse.GetValue(CleanCommand.TextField)!,
            parse.GetValue(CleanCommand.IdField)!, parse.GetValue(CleanCommand.UrlField)!);
        long maxBytes = pipeline.Options.MaxBytes;

        // A folder output when -o names an existing folder or ends with a separator.
        bool toFolder = outputPath != null && (Directory.Exists(outputPath) || outputPath.EndsWith('/') || outputPath.EndsWith(Path.DirectorySeparatorChar));
        if (resume && outputPath == null)
        {
            Console.Error.WriteLine("cleaner: --resume needs -o FILE or -o DIR (stdout cannot be resumed)");
            return ExitCodes.Usage;
        }
        if (resume && !toFolder && format != OutputFormat.Jsonl)
        {
            Console.Error.WriteLine("cleaner: --resume with -o FILE needs --format jsonl");
            return ExitCodes.Usage;
        }

        var sources = BatchInputs.Expand(inputs).ToList();
        long totalBytes = sources.All(s => s.Length >= 0 && s.Path != "-") ? sources.Sum(s => s.Length) : -1;
        IEnumerable<BatchItem> items = sources.SelectMany(s => BatchInputs.Items(s, inputKind, fields, maxBytes));

        IBatchSink sink;
        FolderSink? folder = null;
        JsonlResume.State? resumeState = null;
        try
        {
            if (toFolder)
            {
                Directory.CreateDirectory(outputPath!);
                var ext = format switch { OutputFormat.Json or OutputFormat.Jsonl => ".json", OutputFormat.Markdown => ".md", _ => ".txt" };
                if (explain) ext = ".explain.txt";
                sink = folder = new FolderSink(outputPath!, ext, resume);
                var f = folder;
                items = items.Select(item =>
                {
                    item.OutputPath = f.Assign(item);
                    if (resume && File.Exists(item.OutputPath)) item.Skip = true;
                    return item;
                });
            }
            else if (outputPath != null)
            {
                if (resume) resumeState = JsonlResume.Prepare(outputPath);
                var fs = new FileStream(outputPath, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
                sink = new StreamSink(fs);
                if (resumeState is { Done: > 0 } state) items = SkipDone(items, state);
            }
            else
            {
                sink = new StreamSink(Console.OpenStandardOutput());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cleaner: cannot write {outputPath}: {e.Message}");
            return ExitCodes.Usage;
        }

        var summary = new BatchSummary();
        long progressDocs = 0, progressBytes = 0;
        using var progress = !quiet && !Console.IsErrorRedirected
            ? new ProgressLine(() => (Interlocked.Read(ref progressDocs), Interlocked.Read(ref progressBytes)), totalBytes)
            : null;
        void Say(string message)
        {
            if (quiet) return;
            if (progress != null) progress.Message(message);
            else Console.Error.WriteLine(message);
        }

        BatchOutcome Work(BatchItem item)
        {
            var result = pipeline.Clean(item.TakeDocument());
            byte[] output;
            // Explain stays text unless JSON was asked for explicitly (jsonl is only the batch default).
            if (explain) output = Utf8.GetBytes(Writers.RenderExplain(result, jsonExplain));
            else if (format is OutputFormat.Json or OutputFormat.Jsonl)
            {
                var record = ArticleRecord.From(result);
                record.Url = item.Url;
                record.Extra = item.Extra;
                output = Writers.JsonLine(record, indented: pretty && format == OutputFormat.Json);
            }
            else output = Utf8.GetBytes(CleanCommand.Render(result, format, pretty));
            return BatchOutcome.Cleaned(result, output);
        }

        // Warm up (phrase tables, JIT) before the clock runs, so the first documents are not timed out for it.
        // A --max-bytes smaller than these two tiny pages only makes the warm-up moot, not the run fail.
        try
        {
            pipeline.Clean(Core.Input.InputDocument.FromText("warm-up", "<html><body><p>Warm up.</p></body></html>"));
            pipeline.Clean(Core.Input.InputDocument.FromText("warm-up", "Warm up.\nA line."));
        }
        catch (Core.Input.InputTooLargeException) { }
        var runner = new BatchRunner(Work, jobs, TimeSpan.FromSeconds(timeoutSeconds));
        int exit = ExitCodes.Ok;
        bool stoppedEarly = false;
        try
        {
            using (sink)
            {
                runner.Run(items, (item, outcome) =>
                {
                    Interlocked.Add(ref progressBytes, item.Bytes);
                    if (ReferenceEquals(outcome, BatchOutcome.Skipped)) { summary.Add(item, outcome, 0); return true; }
                    Interlocked.Increment(ref progressDocs);
                    long written = 0;
                    if (outcome.IsError)
                    {
                        Say($"cleaner: {item.Id}: {outcome.ErrorKind}: {outcome.ErrorMessage}");
                        exit = ExitCodes.Usage;
                        if (format is OutputFormat.Json or OutputFormat.Jsonl || folder != null)
                        {
                            var record = ArticleRecord.FromError(item.Id, item.Source, outcome.ErrorKind!, outcome.ErrorMessage!);
                            record.Url = item.Url;
                            record.Extra = item.Extra;
                            var bytes = Writers.JsonLine(record, indented: pretty && format == OutputFormat.Json);
                            written = folder != null ? folder.WriteError(item, bytes) : sink.Write(item, bytes);
                        }
                        summary.Add(item, outcome, written);
                        if (failFast)
                        {
                            stoppedEarly = true;
                            return false;
                        }
                        return true;
                    }
                    if (!outcome.Found && exit == ExitCodes.Ok) exit = ExitCodes.NoArticle;
                    written = sink.Write(item, outcome.Output!);
                    summary.Add(item, outcome, written);
                    return true;
                });
                sink.Flush();
            }
        }
        catch (IOException e)
        {
            Say($"cleaner: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("output path escapes", StringComparison.Ordinal))
        {
            Say($"cleaner: {e.Message}");
            return ExitCodes.Usage;
        }
        summary.Abandoned = runner.Abandoned;
        progress?.Dispose();
        if (stoppedEarly) Say("cleaner: stopped at the first failure (--fail-fast)");
        if (!quiet) Console.Error.Write(summary.Render());
        var statsPath = parse.GetValue(CleanCommand.Stats);
        if (statsPath != null)
        {
            try { summary.WriteJson(statsPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"cleaner: cannot write {statsPath}: {e.Message}");
                return ExitCodes.Usage;
            }
        }
        // Abandoned workers may still be running; the process ends without waiting for them.
        return exit;
    }

    /// <summary>Marks the first <c>Done</c> items as skipped, checking that the last one written is the same
    /// document (else the output belongs to other inputs and resuming would mix them).</summary>
    private static IEnumerable<BatchItem> SkipDone(IEnumerable<BatchItem> items, JsonlResume.State state)
    {
        long i = 0;
        foreach (var item in items)
        {
            if (i < state.Done)
            {
                item.Skip = true;
                if (i == state.Done - 1 && state.LastId != null && state.LastId != item.Id)
                    throw new IOException($"--resume: the output's record {state.Done} is \"{state.LastId}\" but input document {state.Done} is \"{item.Id}\"; not the same inputs");
            }
            i++;
            yield return item;
        }
        if (i < state.Done)
            throw new IOException($"--resume: the output has {state.Done} records but the inputs only {i} documents");
    }
}
