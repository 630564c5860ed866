using System.Globalization;
using System.Text.Json.Nodes;

namespace Cleaner.Core.Evaluation;

/// <summary>One gated metric: its value on a run and the floor it must not drop below.</summary>
public sealed record FloorCheck(string Set, string Metric, double? Value, double Floor)
{
    public bool Passed => Value is { } v && v >= Floor;

    public override string ToString() =>
        $"floor {(Passed ? "ok  " : "FAIL")} {Set} {Metric} = {(Value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "missing")} " +
        $"(floor {Floor.ToString("F3", CultureInfo.InvariantCulture)})";
}

/// <summary>Pinned quality floors: a JSON object {"set name": {"metric.path": floor, ...}, ...}; metric paths
/// address the set's result object (the `--json` output), e.g. "snippets.f1" or "by_source.readability.body.f1".
/// Keys starting with "_" are comments.</summary>
public sealed class Floors
{
    private readonly JsonObject _root;

    private Floors(JsonObject root) => _root = root;

    public static Floors Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object"));

    public bool Covers(string setName) => _root[setName] is JsonObject;

    public List<FloorCheck> Check(string setName, JsonObject result)
    {
        var checks = new List<FloorCheck>();
        if (_root[setName] is not JsonObject floors) return checks;
        foreach (var kv in floors)
        {
            if (kv.Key.StartsWith('_') || Json.Num(kv.Value) is not { } floor) continue;
            checks.Add(new FloorCheck(setName, kv.Key, Json.Num(Json.AtPath(result, kv.Key)), floor));
        }
        return checks;
    }
}
