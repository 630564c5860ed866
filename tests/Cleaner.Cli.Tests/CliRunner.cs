using System.Diagnostics;
using System.Text;

namespace Cleaner.Cli.Tests;

/// <summary>Runs the real built `cleaner` (cleaner.dll beside the tests) with arguments and stdin.</summary>
public static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static Run Exec(string[] args, string? stdin = null, byte[]? stdinBytes = null, int timeoutMs = 60_000, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cleaner.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        if (environment != null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdinBytes != null) p.StandardInput.BaseStream.Write(stdinBytes);
        else if (stdin != null) p.StandardInput.BaseStream.Write(new UTF8Encoding(false).GetBytes(stdin));
        p.StandardInput.Close();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"cleaner {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Cleaner.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cleaner.sln not found");
    }
}
