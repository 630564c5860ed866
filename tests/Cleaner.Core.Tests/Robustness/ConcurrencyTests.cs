using System.Text.RegularExpressions;
using Cleaner.Core.Input;
using Cleaner.Core.Output;

namespace Cleaner.Core.Tests.Robustness;

/// <summary>One pipeline cleaning pages on several threads at once gives what it gives one page at a time: the
/// per-thread string pools, per-page frame pools and shared phrase matchers keep no state between pages that
/// another thread could disturb.</summary>
public class ConcurrencyTests
{
    private static readonly Regex Elapsed = new("\"elapsed_ms\":[^,}]*", RegexOptions.NonBacktracking);

    private static List<(string Id, byte[] Bytes)> Pages()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(TestPaths.Samples, "html"), "*.html")
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        // Shapes the samples lack: a page nested past the flattening depth with JSON-LD, a page with no article.
        pages.Add(("deep", System.Text.Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div class=\"x\">", 3000)) +
            """<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ana Ruiz"}}</script><p>Deep text, at the bottom of a page nested far too deep.</p>""" +
            string.Concat(Enumerable.Repeat("</div>", 3000)) + "</body></html>")));
        pages.Add(("menu", "<html><body><ul class=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/n\">News</a></li></ul></body></html>"u8.ToArray()));
        // A few corpus pages when the corpus is beside the clone (more templates, weak pages that take a second opinion).
        if (TestPaths.Corpus is { } corpus)
            foreach (var set in new[] { "readability", "trafilatura-a" })
                pages.AddRange(Directory.EnumerateFiles(Path.Combine(corpus, set, "html")).Order(StringComparer.Ordinal).Take(15)
                    .Select(f => (set + "/" + Path.GetFileName(f), File.ReadAllBytes(f))));
        // Text dumps: their path reuses thread-static buffers (the segmenter's builder, the matcher's pending hits,
        // the assembler's and the language sample's sets of seen lines) from page to page.
        pages.AddRange(Directory.EnumerateFiles(Path.Combine(TestPaths.Samples, "textdump"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        if (TestPaths.Corpus is { } dumps)
            pages.AddRange(Directory.EnumerateFiles(Path.Combine(dumps, "textdump", "txt")).Order(StringComparer.Ordinal).Take(20)
                .Select(f => ("textdump/" + Path.GetFileName(f), File.ReadAllBytes(f))));
        // Dump shapes the samples lack: empty, blank lines only, CRLF, one long line, many one-word lines.
        var words = string.Join(" ", Enumerable.Range(0, 20000).Select(i => i % 7 == 0 ? "the" : "word" + i % 13));
        foreach (var (id, text) in new[]
                 {
                     ("empty.txt", ""), ("blank.txt", "\n \n\t\r\n\n"),
                     ("crlf.txt", "A title\r\nBy Ana Ruiz\r\nThe first paragraph of the story, long enough to be prose.\r\n"),
                     ("one-line.txt", "A title of the page\n" + words + "."),
                     ("many-lines.txt", string.Join("\n", Enumerable.Range(0, 5000).Select(i => i % 3 == 0 ? "of" : "Line " + i))),
                 })
            pages.Add((id, System.Text.Encoding.UTF8.GetBytes(text)));
        return pages;
    }

    private static string Output(CleanerPipeline pipeline, (string Id, byte[] Bytes) page)
    {
        var r = pipeline.Clean(InputDocument.FromBytes(page.Id, page.Bytes));
        return Elapsed.Replace(Writers.Json(ArticleRecord.From(r)), "") + "\n" + Writers.ExplainJson(r);
    }

    [Fact]
    public void CleaningOnSeveralThreadsAtOnceGivesTheSequentialOutput()
    {
        var pages = Pages();
        var pipeline = new CleanerPipeline();
        var expected = pages.Select(p => Output(pipeline, p)).ToArray();

        const int threads = 4, rounds = 2;
        var actual = new string[threads, rounds, pages.Count];
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                // Each thread in its own order, so different pages are in flight together.
                for (int round = 0; round < rounds; round++)
                    for (int k = 0; k < pages.Count; k++)
                    {
                        int j = (k + t * 5 + round * 3) % pages.Count, i = t % 2 == 0 ? j : pages.Count - 1 - j;
                        actual[t, round, i] = Output(pipeline, pages[i]);
                    }
            }
            catch (Exception e) { errors.Enqueue(e); }
        }, 16 * 1024 * 1024)).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(errors);
        for (int t = 0; t < threads; t++)
            for (int round = 0; round < rounds; round++)
                for (int i = 0; i < pages.Count; i++)
                    Assert.True(expected[i] == actual[t, round, i], $"{pages[i].Id}: thread {t} round {round} differs");
    }
}
