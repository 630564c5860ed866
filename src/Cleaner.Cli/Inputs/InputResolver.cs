using Cleaner.Core.Input;

namespace Cleaner.Cli.Inputs;

/// <summary>Expands the command line's inputs into documents: files, folders (recursive), and "-" or
/// redirected stdin. Documents are produced lazily, in a stable order (folders sorted by path).</summary>
public static class InputResolver
{
    private static byte[] ReadCapped(Stream stream, long maxBytes, string name)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        try
        {
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + n > maxBytes) throw new InputTooLargeException($"{name}: more than {maxBytes} bytes, over the limit (--max-bytes)");
                ms.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableInputException($"{name}: corrupt or truncated gzip data: {e.Message}", e);
        }
        return ms.ToArray();
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

    /// <summary>Reads one document. More than <paramref name="maxBytes"/> bytes on disk or on stdin is refused
    /// before it is read into memory (compressed data larger than the limit expands larger still).</summary>
    public static InputDocument Load(string path, long maxBytes = long.MaxValue)
    {
        if (path == "-")
        {
            // OpenContainer gunzips a compressed stream as it reads; the cap applies to the decompressed bytes.
            using var stdin = Batch.BatchInputs.OpenContainer("-", out _);
            return InputDocument.FromBytes("stdin", ReadCapped(stdin, maxBytes, "stdin"), "stdin");
        }
        if (!File.Exists(path)) throw new UnreadableInputException($"{path}: no such file or directory");
        try
        {
            var size = new FileInfo(path).Length;
            if (size > maxBytes) throw new InputTooLargeException($"{path}: {size} bytes, over the limit of {maxBytes} (--max-bytes)");
            return InputDocument.FromBytes(InputDocument.IdFromPath(path), File.ReadAllBytes(path), path);
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
