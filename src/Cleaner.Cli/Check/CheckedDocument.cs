using Cleaner.Core.Quality;

namespace Cleaner.Cli.Check;

/// <summary>One input of `cleaner check`: its assessment, or the input error that kept it from being cleaned,
/// plus the paragraph diff against its expected output when --expected is used.</summary>
public sealed class CheckedDocument
{
    public required string Id { get; init; }
    public required string Path { get; init; }
    public QualityAssessment? Assessment { get; init; }
    public string? Error { get; init; }
    public List<DiffLine> Diff { get; init; } = new();
    public double Seconds { get; init; }

    public bool IsError => Error != null;
    public bool Passed => !IsError && Assessment!.Passed;
    public string Status => IsError ? "error" : Passed ? "pass" : "fail";
    public IReadOnlyList<QualityIssue> Failures => Assessment?.Failures ?? (IReadOnlyList<QualityIssue>)[new QualityIssue("input", Error!)];
    public IReadOnlyList<QualityIssue> Warnings => Assessment?.Warnings ?? [];
}

public sealed record CheckSummary(int Documents, int Passed, int Failed, int Errors, int Warnings, double Seconds)
{
    public static CheckSummary Of(IReadOnlyList<CheckedDocument> docs, double seconds) => new(
        docs.Count, docs.Count(d => d.Passed), docs.Count(d => !d.Passed && !d.IsError), docs.Count(d => d.IsError),
        docs.Sum(d => d.Warnings.Count), seconds);

    public override string ToString() =>
        $"{Documents} documents: {Passed} passed, {Failed} failed" + (Errors > 0 ? $", {Errors} unreadable" : "") +
        (Documents > 0 ? $" ({(100.0 * Passed / Documents).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}% pass)" : "");
}
