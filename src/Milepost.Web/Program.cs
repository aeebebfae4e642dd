using Milepost.Web.Cli;

namespace Milepost.Web;

public partial class Program
{
    /// <summary>
    /// One executable, `milepost`: with no arguments or `serve` it serves the web app; other
    /// subcommands (added by later features) work on the data without a browser.
    /// </summary>
    public static int Main(string[] args) => MilepostCommandLine.Run(args);
}
