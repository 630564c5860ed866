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
    // Exceptions reach the handler below (one line, a documented exit code), not System.CommandLine's default
    // handler, which prints a stack trace and exits 1 ("no article found").
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    Console.Error.WriteLine($"cleaner: internal error: {e.GetType().Name}: {e.Message}");
    return ExitCodes.Usage;
}
