using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Cleaner.Cli.Tests;

/// <summary>`cleaner check` run as the real binary over a folder mixing good pages (a text dump and an HTML page),
/// a consent wall, an empty page, a French page (wrong language when English is expected) and a page with mojibake.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cleaner-check");
    private string Pages => Path.Combine(_dir.FullName, "pages");

    public CheckCommandTests()
    {
        Directory.CreateDirectory(Pages);
        var sample = Path.Combine(CliRunner.Root, "eval", "sampleset");
        File.Copy(Path.Combine(sample, "txt", "wsvn.com-crash.txt"), Path.Combine(Pages, "good-text.txt"));
        File.Copy(Path.Combine(sample, "html", "github.blog.spiceland.html.gz"), Path.Combine(Pages, "good-html.html.gz"));
        File.Copy(Path.Combine(sample, "html", "aoc.media.archaisme.html.gz"), Path.Combine(Pages, "french.html.gz"));
        // UTF-8 bytes decoded as Latin-1 and saved again: "’" becomes "â\u0080\u0099".
        var utf8 = File.ReadAllText(Path.Combine(sample, "txt", "ehow-2.txt"), Encoding.UTF8);
        File.WriteAllText(Path.Combine(Pages, "mojibake.txt"), Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(utf8)), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(Pages, "empty.html"), "<html><head><title></title></head><body></body></html>");
        File.WriteAllText(Path.Combine(Pages, "consent-wall.html"), """
            <!DOCTYPE html><html lang="en"><head><title>Daily Courier</title></head><body>
            <div class="consent-overlay"><h2>We value your privacy</h2>
            <p>We and our partners use cookies and similar technologies to store and access information on your device, to personalise ads and content, for ad and content measurement, audience insights and product development.</p>
            <p>By clicking "Accept all cookies", you agree to the storing of cookies on your device. You can change your preferences or withdraw your consent at any time by clicking "Manage cookie settings".</p>
            <button>Accept all cookies</button> <button>Reject all</button> <button>Manage cookie settings</button></div>
            </body></html>
            """);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly Dictionary<string, string?> ExpectedRule = new()
    {
        ["good-text"] = null, ["good-html"] = null, ["french"] = "language", ["mojibake"] = "mojibake", ["empty"] = "article", ["consent-wall"] = "wall",
    };

    [Fact]
    public void RightDocumentsFailForTheRightReasons()
    {
        var run = CliRunner.Exec(["check", Pages, "--expect-language", "en", "--report-format", "json"]);
        Assert.Equal(1, run.ExitCode);
        var docs = JsonNode.Parse(run.Stdout)!["documents"]!.AsArray().Select(d => d!.AsObject()).ToDictionary(d => (string)d["id"]!);
        Assert.Equal(ExpectedRule.Keys.Order(), docs.Keys.Order());
        foreach (var (id, rule) in ExpectedRule)
        {
            var rules = docs[id]["failures"]!.AsArray().Select(f => (string)f!["rule"]!).ToList();
            if (rule == null) Assert.True(rules.Count == 0, $"{id} should pass but failed: {string.Join(",", rules)}");
            else Assert.True(rules.Count > 0 && rules[0] == rule, $"{id}: expected {rule} first, got {string.Join(",", rules)}");
        }
        Assert.Contains("wrong charset", (string)docs["mojibake"]["failures"]![0]!["message"]!);
        Assert.Contains("consent page", (string)docs["consent-wall"]["failures"]![0]!["message"]!);
    }

    [Fact]
    public void TableOnStdoutAndJUnitReportThatValidates()
    {
        var report = Path.Combine(_dir.FullName, "check.xml");
        var run = CliRunner.Exec(["check", Pages, "--expect-language", "en", "--report", report]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("6 documents: 2 passed, 4 failed", run.Stdout);
        Assert.Matches(@"FAIL\s+consent-wall\b.*wall", run.Stdout);

        // The usual JUnit shape (testsuites > testsuite > testcase > failure|error), checked against a schema.
        var schemas = new XmlSchemaSet();
        schemas.Add(null, XmlReader.Create(new StringReader(JUnitSchema)));
        var xml = XDocument.Load(report);
        var errors = new List<string>();
        xml.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);

        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("6", (string?)suite.Attribute("tests"));
        Assert.Equal("4", (string?)suite.Attribute("failures"));
        var cases = suite.Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        foreach (var (id, rule) in ExpectedRule)
        {
            var failures = cases[id].Elements("failure").ToList();
            if (rule == null) Assert.Empty(failures);
            else Assert.StartsWith(rule, (string?)Assert.Single(failures).Attribute("type"));
        }
    }

    [Fact]
    public void GitHubAnnotationsPointAtTheFailingFiles()
    {
        var run = CliRunner.Exec(["check", Pages, "--report-format", "github"]);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("::error file=") && l.Contains("empty.html") && l.EndsWith("::article: no article found"));
        Assert.DoesNotContain(lines, l => l.StartsWith("::error") && l.Contains("good-text"));
        Assert.StartsWith("::notice title=cleaner check::6 documents: 3 passed, 3 failed", lines[^1]);
    }

    [Fact]
    public void ExitCodesZeroWhenAllPassTwoOnInputOrUsageErrors()
    {
        Assert.Equal(0, CliRunner.Exec(["check", Path.Combine(Pages, "good-text.txt"), Path.Combine(Pages, "good-html.html.gz")]).ExitCode);
        var missing = CliRunner.Exec(["check", Path.Combine(Pages, "no-such-page.html")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr);
        Assert.Equal(2, CliRunner.Exec(["check", Pages, "--report-format", "pdf"]).ExitCode);
    }

    [Fact]
    public void ThresholdsComeFromCleanerJsonFoundUpward()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "cleaner.json"), """{"check": {"expect_language": ["en"], "require_title": true}}""");
        var work = Directory.CreateDirectory(Path.Combine(_dir.FullName, "sub", "dir")).FullName;
        var run = CliRunner.Exec(["check", Path.Combine(Pages, "french.html.gz"), "--report-format", "json"], workingDirectory: work);
        Assert.Equal(1, run.ExitCode);
        var root = JsonNode.Parse(run.Stdout)!;
        Assert.EndsWith("cleaner.json", (string)root["config"]!);
        Assert.Equal("language", (string)root["documents"]![0]!["failures"]![0]!["rule"]!);
        // An option overrides the file.
        Assert.Equal(0, CliRunner.Exec(["check", Path.Combine(Pages, "french.html.gz"), "--expect-language", "fr,en"], workingDirectory: work).ExitCode);

        File.WriteAllText(Path.Combine(_dir.FullName, "bad.json"), """{"check": {"min_charz": 10}}""");
        var bad = CliRunner.Exec(["check", Pages, "--config", Path.Combine(_dir.FullName, "bad.json")]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("min_charz", bad.Stderr);
    }

    [Fact]
    public void ExpectedOutputsGiveAParagraphDiff()
    {
        var expected = Path.Combine(_dir.FullName, "expected");
        var page = Path.Combine(Pages, "good-text.txt");
        Assert.Equal(0, CliRunner.Exec(["check", page, "--expected", expected, "--update-expected"]).ExitCode);
        var file = Path.Combine(expected, "good-text.txt");
        Assert.True(File.Exists(file));
        Assert.Equal(0, CliRunner.Exec(["check", page, "--expected", expected]).ExitCode);

        var paragraphs = File.ReadAllText(file).Split("\n\n").ToList();
        var dropped = paragraphs[2];
        paragraphs.RemoveAt(2);
        paragraphs.Insert(1, "A paragraph the cleaner no longer produces.");
        File.WriteAllText(file, string.Join("\n\n", paragraphs));
        var run = CliRunner.Exec(["check", page, "--expected", expected]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expected: output differs", run.Stdout);
        Assert.Contains("- A paragraph the cleaner no longer produces.", run.Stdout);
        Assert.Contains("+ " + dropped[..Math.Min(40, dropped.Length)], run.Stdout);
    }

    /// <summary>The common JUnit XML schema (as Jenkins, GitLab and the GitHub test-report actions read it), reduced to
    /// the elements and attributes this report uses.</summary>
    private const string JUnitSchema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
          <xs:element name="testsuites">
            <xs:complexType>
              <xs:sequence><xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
              <xs:attribute name="name" type="xs:string"/>
              <xs:attribute name="tests" type="xs:int"/>
              <xs:attribute name="failures" type="xs:int"/>
              <xs:attribute name="errors" type="xs:int"/>
              <xs:attribute name="time" type="xs:decimal"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="testsuite">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="properties" minOccurs="0">
                  <xs:complexType><xs:sequence>
                    <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:attribute name="name" type="xs:string" use="required"/>
                        <xs:attribute name="value" type="xs:string" use="required"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence></xs:complexType>
                </xs:element>
                <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:choice minOccurs="0">
                        <xs:element name="failure" type="problem"/>
                        <xs:element name="error" type="problem"/>
                      </xs:choice>
                      <xs:element name="system-out" type="xs:string" minOccurs="0"/>
                    </xs:sequence>
                    <xs:attribute name="name" type="xs:string" use="required"/>
                    <xs:attribute name="classname" type="xs:string" use="required"/>
                    <xs:attribute name="file" type="xs:string"/>
                    <xs:attribute name="time" type="xs:decimal" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="name" type="xs:string" use="required"/>
              <xs:attribute name="tests" type="xs:int" use="required"/>
              <xs:attribute name="failures" type="xs:int" use="required"/>
              <xs:attribute name="errors" type="xs:int" use="required"/>
              <xs:attribute name="skipped" type="xs:int"/>
              <xs:attribute name="time" type="xs:decimal"/>
              <xs:attribute name="timestamp" type="xs:dateTime"/>
            </xs:complexType>
          </xs:element>
          <xs:complexType name="problem">
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute name="message" type="xs:string"/>
                <xs:attribute name="type" type="xs:string" use="required"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>
        </xs:schema>
        """;
}
