using Cleaner.Core.Evaluation;

namespace Cleaner.Core.Tests.Evaluation;

/// <summary>The committed sample set (eval/sampleset: a dozen dev-corpus pages, HTML and text dumps) must stay at or
/// above the floors pinned for it in eval/floors.json.</summary>
public class SampleSetFloorTests
{
    [Fact]
    public void SampleSetStaysAboveFloors()
    {
        var set = EvalSet.Load(Path.Combine(TestPaths.Root, "eval", "sampleset"));
        Assert.True(set.Gold.Count >= 12);
        var run = new Evaluator(new CleanerPipeline()) { Bootstrap = 0, MaxParallelism = 1 }.Run(set);
        Assert.Empty(run.Errors);
        var checks = Floors.Load(Path.Combine(TestPaths.Root, "eval", "floors.json")).Check(set.Name, run.Result);
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.True(c.Passed, c.ToString()));
    }
}
