using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Account;

/// <summary>SECURITY.md 25: the data-protection keys live under data/keys, so a restart keeps everyone signed in.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task ASession_SurvivesARestartOfTheServer()
    {
        var cookies = new System.Net.CookieContainer();
        string dataDirectory;
        await using (var first = new MilepostFactory { KeepDataDirectory = true })
        {
            await first.InitializeAccountsAsync();
            dataDirectory = first.DataDirectory;
            var client = first.CreateDefaultClient(new CookieContainerHandler(cookies));
            Assert.Equal(HttpStatusCode.Redirect, (await MilepostFactory.PostLoginAsync(client, "supervisor", MilepostFactory.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);
        }

        // A new server process on the same data folder: the old cookie still opens the API and the pages.
        await using var second = new MilepostFactory(dataDirectory: dataDirectory);
        var again = second.CreateDefaultClient(new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/projects")).StatusCode);

        // Without the keys (a new data folder), the same cookie is worthless: the test above is not vacuous.
        await using var stranger = new MilepostFactory();
        var refused = stranger.CreateDefaultClient(new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Unauthorized, (await refused.GetAsync("/api/v1/projects")).StatusCode);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.Combine(dataDirectory, "keys")));
    }
}
