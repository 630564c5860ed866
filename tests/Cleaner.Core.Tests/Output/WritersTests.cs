using System.Text;
using System.Text.Json;
using Cleaner.Core.Input;
using Cleaner.Core.Output;
using Xunit;

namespace Cleaner.Core.Tests.Output;

public class WritersTests
{
    [Fact]
    public void JsonLineIsTheJsonTextInUtf8PlusANewline()
    {
        // Batch output is serialised straight to UTF-8; it must be byte for byte what the string writer gives.
        var result = new CleanerPipeline().Clean(
            InputDocument.FromBytes("seed", File.ReadAllBytes(Path.Combine(TestPaths.Samples, "textdump", "reuters-fr-whatsapp-nso.txt"))));
        var record = ArticleRecord.From(result);
        record.Url = "https://example.org/a?b=<c>&d=\"é\"";
        using var extra = JsonDocument.Parse("""{"rep": 3, "note": "中文 \ud83d\ude00", "nested": {"a": [1, 2]}}""");
        record.Extra = extra.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        foreach (var indented in new[] { false, true })
        {
            var expected = new UTF8Encoding(false).GetBytes(Writers.Json(record, indented) + "\n");
            Assert.Equal(expected, Writers.JsonLine(record, indented));
            Assert.Equal(expected, Writers.JsonLine(record, indented)); // the reused per-thread writer starts clean
        }
    }
}
