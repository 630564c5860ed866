namespace Cleaner.Core.Segmentation;

/// <summary>Guards calls into a dependency that recurses over the DOM (SmartReader, a readability port: roughly
/// cubic in nesting depth, 4,000 levels took 115 s, and a 50 MB page did not finish in 300 s). Cleaner's own code
/// never recurses on input nesting; such a dependency is called only (1) when the pre-scan shape is within
/// <see cref="ReadabilityGuard.Fits"/>, and (2) through <see cref="ReadabilityGuard.TryRun{T}"/>: on its own thread
/// with a large stack, so a deep recursion cannot overflow the caller's stack, and with a time budget, so a slow
/// page costs at most the budget (the page then goes on without the dependency's opinion).</summary>
public static class ReadabilityGuard
{
    /// <summary>Deepest nesting handed to the dependency (real pages: under 40; the HTML guard flattens past 256).</summary>
    public const int MaxDepth = 128;

    /// <summary>Largest page (characters) handed to the dependency.</summary>
    public const int MaxChars = 2_000_000;

    /// <summary>Time budget per call.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(5);

    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>True when the page's measured shape is small enough for the dependency.</summary>
    public static bool Fits(BoundedHtml page) => Fits(page.MaxDepth, page.Html.Length);

    /// <summary>True when a page of this nesting depth and size (characters) is small enough for the dependency.</summary>
    public static bool Fits(int depth, int chars) => depth <= MaxDepth && chars <= MaxChars;

    /// <summary>Runs <paramref name="work"/> on a dedicated thread with a 256 MB stack and waits at most
    /// <paramref name="budget"/>. False on timeout (the thread is abandoned as a background thread and its result
    /// dropped: .NET cannot abort it, which is why <see cref="Fits"/> comes first) or on an exception, which is
    /// returned in <paramref name="error"/> and never thrown.</summary>
    public static bool TryRun<T>(Func<T> work, out T? result, out Exception? error, TimeSpan? budget = null)
    {
        T? value = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { value = work(); }
            catch (Exception e) { failure = e; }
        }, StackBytes)
        { IsBackground = true, Name = "cleaner-guarded-dependency" };
        thread.Start();
        if (!thread.Join(budget ?? DefaultBudget))
        {
            result = default;
            error = new TimeoutException($"dependency did not finish within {(budget ?? DefaultBudget).TotalSeconds:F1} s");
            return false;
        }
        result = value;
        error = failure;
        return failure == null;
    }
}
