using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Tests.Robustness;

public class ReadabilityGuardTests
{
    private static int Recurse(int n) => n == 0 ? 0 : 1 + Recurse(n - 1);

    [Fact]
    public void DeepRecursionRunsOnTheLargeStack()
    {
        // About 200,000 frames: more than a default 1 MB (or 8 MB main) stack holds, fine on the guarded thread.
        Assert.True(ReadabilityGuard.TryRun(() => Recurse(200_000), out var depth, out var error));
        Assert.Null(error);
        Assert.Equal(200_000, depth);
    }

    [Fact]
    public void ExceptionsAreReturnedNotThrown()
    {
        Assert.False(ReadabilityGuard.TryRun<int>(() => throw new InvalidOperationException("boom"), out _, out var error));
        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public void OverBudgetGivesUp()
    {
        using var release = new ManualResetEventSlim();
        Assert.False(ReadabilityGuard.TryRun(() => release.Wait(TimeSpan.FromSeconds(30)), out _, out var error, TimeSpan.FromMilliseconds(50)));
        Assert.IsType<TimeoutException>(error);
        release.Set();
    }

    [Fact]
    public void FitsUsesThePrescanShape()
    {
        Assert.True(ReadabilityGuard.Fits(HtmlGuard.Bound("<html><body><article><p>text</p></article></body></html>")));
        var deep = string.Concat(Enumerable.Repeat("<div>", 200)) + "text";
        Assert.False(ReadabilityGuard.Fits(HtmlGuard.Bound(deep)));
    }
}
