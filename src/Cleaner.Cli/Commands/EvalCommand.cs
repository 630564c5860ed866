using System.CommandLine;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner eval --set DIR</c>: placeholder until the evaluation harness lands.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var cmd = new Command("eval", "Score Cleaner on an evaluation set (gold.jsonl).");
        cmd.SetAction(_ => { Console.Error.WriteLine("cleaner: eval is not implemented yet"); return ExitCodes.Usage; });
        return cmd;
    }
}
