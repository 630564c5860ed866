using Cleaner.Core.Batch;
using Cleaner.Core.Input;

namespace Cleaner.Core.Tests.Robustness;

/// <summary>A JSONL record is valid JSON yet its string holds an unpaired surrogate escape ("\ud800"): System.Text.Json
/// parses it but will not make a string of it. That record must fail alone, not the whole run.</summary>
public class JsonlRecordTests
{
    [Theory]
    [InlineData("{\"id\":\"a\",\"text\":\"Title\\nSome text \\ud800 here.\"}")]
    [InlineData("{\"id\":\"b\",\"html\":\"<p>x \\udc00 y</p>\"}")]
    [InlineData("{\"id\":\"c\\ud800\",\"text\":\"Fine text.\"}")]
    public void AnUnpairedSurrogateEscapeFailsTheRecordOnly(string line)
    {
        var item = JsonlSource.Parse(System.Text.Encoding.UTF8.GetBytes(line), "in.jsonl#1", "in#1", new JsonlFields(), line.Length);
        var error = Assert.ThrowsAny<UnreadableInputException>(() => item.TakeDocument());
        Assert.Equal("invalid-json", error.Kind);
    }
}
