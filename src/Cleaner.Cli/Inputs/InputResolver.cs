using Cleaner.Core.Input;

namespace Cleaner.Cli.Inputs;

/// <summary>Expands the command line's inputs into documents: files, folders (recursive), and "-" or
/// redirected stdin. Documents are produced lazily, in a stable order (folders sorted by path).</summary>
public static class InputResolver
{
    public static readonly string[] KnownExtensions = [".html.gz", ".htm.gz", ".txt.gz", ".html", ".htm", ".txt", ".gz", ".xhtml"];

    /// <summary>A file's id: its name without the known extensions ("page.html.gz" -> "page").</summary>
    public static string IdFromPath(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var ext in KnownExtensions)
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase) && name.Length > ext.Length)
                return name[..^ext.Length];
        return name;
    }

    public static bool ReadsStdin(string[] inputs) => inputs.Length == 0 || inputs.Any(i => i == "-");

    public static IEnumerable<string> ExpandPaths(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-") { yield return "-"; continue; }
            if (Directory.Exists(input))
            {
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    if (!Path.GetFileName(f).StartsWith('.')) yield return f;
                continue;
            }
            yield return input;
        }
    }

    public static InputDocument Load(string path)
    {
        if (path == "-")
        {
            using var stdin = Batch.BatchInputs.OpenContainer("-", out _);
            using var ms = new MemoryStream();
            stdin.CopyTo(ms);
            return InputDocument.FromBytes("stdin", ms.ToArray(), "stdin");
        }
        if (!File.Exists(path)) throw new UnreadableInputException($"{path}: no such file or directory");
        try
        {
            return InputDocument.FromBytes(IdFromPath(path), File.ReadAllBytes(path), path);
        }
        catch (IOException e)
        {
            throw new UnreadableInputException($"{path}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnreadableInputException($"{path}: {e.Message}", e);
        }
    }
}
