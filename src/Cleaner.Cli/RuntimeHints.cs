namespace Cleaner.Cli;

/// <summary>What the runtime's configuration means for speed, where the tool can tell.</summary>
internal static class RuntimeHints
{
    /// <summary>One CPU and the runtime's default tier-up delay for it (TC_DelaySingleProcMultiplier, ten times
    /// the usual wait before slow start-up code is replaced; README "One CPU"). Readable only from the environment.</summary>
    public static bool DelayedTiering => Environment.ProcessorCount == 1 &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_TC_DelaySingleProcMultiplier")) &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COMPlus_TC_DelaySingleProcMultiplier"));

    public const string DelayedTieringNote =
        "one CPU: the runtime delays optimised code tenfold here; DOTNET_TC_DelaySingleProcMultiplier=1 shortens the slow start (README \"One CPU\")";
}
