using System.CommandLine;
using Cleaner.Cli;
using Cleaner.Cli.Commands;

// Console output is UTF-8 whatever the locale; diagnostics go to stderr only.
Console.OutputEncoding = new System.Text.UTF8Encoding(false);

var root = new RootCommand("Cleaner: turns scraped news pages (HTML or text dumps) into clean article text.");
CleanCommand.Configure(root);          // the root command behaves as `clean`
root.Add(CleanCommand.Create());
root.Add(EvalCommand.Create());
root.Add(CheckCommand.Create());
root.Add(BenchCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine("cleaner: " + error.Message);
    Console.Error.WriteLine("Try 'cleaner --help'.");
    return ExitCodes.Usage;
}
try
{
    return parse.Invoke();
}
catch (Exception e)
{
    Console.Error.WriteLine("cleaner: internal error: " + e.Message);
    return ExitCodes.Usage;
}
