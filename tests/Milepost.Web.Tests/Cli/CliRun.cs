using Milepost.Web.Cli;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Cli;

/// <summary>
/// The real command line, called in-process with its console captured. Tests that use it belong to
/// <see cref="ConsoleCollection"/>: the console is process-wide.
/// </summary>
public static class CliRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int exit = MilepostCommandLine.Run(args);
            return (exit, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    /// <summary>Runs against the SQLite file of a test server (the demo portfolio the server seeded).</summary>
    public static (int Exit, string Out, string Err) On(MilepostFactory factory, params string[] args) => Run([
        .. args, "--Milepost:Database=sqlite", $"--ConnectionStrings:Milepost=Data Source={Path.Combine(factory.DataDirectory, "milepost.db")}"]);
}
