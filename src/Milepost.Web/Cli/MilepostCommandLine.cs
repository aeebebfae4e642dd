using System.CommandLine;
using Milepost.Web.Hosting;

namespace Milepost.Web.Cli;

/// <summary>The command line of the `milepost` executable (System.CommandLine).</summary>
public static class MilepostCommandLine
{
    public static int Run(string[] args)
    {
        // The serving options belong to serving only, not to the data subcommands.
        Option<bool> NoDemo() => new("--no-demo")
        {
            Description = "Do not seed the demo portfolio into an empty database (same as Milepost__Demo=false).",
        };
        var noDemo = NoDemo();
        var serveNoDemo = NoDemo();
        var root = new RootCommand("Milepost: drive a city's key projects from promise to completion.")
        {
            // Anything we do not know (e.g. --urls, --environment) is ASP.NET Core configuration.
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(noDemo);

        var serve = new Command("serve", "Serve the web application (the default). ASP.NET Core options such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.Options.Add(serveNoDemo);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ScheduleCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(RankCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());

        int Serve(ParseResult result)
        {
            var passThrough = result.UnmatchedTokens.ToList();
            if (result.GetValue(noDemo) || result.GetValue(serveNoDemo)) passThrough.Add("--Milepost:Demo=false");
            MilepostApp.Build([.. passThrough]).Run();
            return 0;
        }
        root.SetAction(Serve);
        serve.SetAction(Serve);

        // Exceptions must propagate: the test host stops Main by throwing out of Build().
        return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
