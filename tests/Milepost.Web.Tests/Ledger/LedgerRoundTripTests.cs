using System.Net;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Web.Tests.Ledger;

/// <summary>
/// Import → export → import gives the same data: the project list exported as .xlsx or CSV reads back through the
/// ledger import as every project unchanged, so an office can edit the exported sheet and load it again.
/// </summary>
public sealed class LedgerRoundTripTests(ImportFixture fx) : IClassFixture<ImportFixture>
{
    private static async Task<ImportResult> DryRunAsync(HttpClient client, byte[] file, string name)
    {
        var response = await UploadAsync(client, file, name, dryRun: true);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return await response.ReadAsync<ImportResult>();
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task ExportedProjectList_ImportsBack_AsEveryProjectUnchanged(string format)
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        // A ledger brought in first, so the round trip covers imported projects as well as the demo's own.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, ImportProjectsTests.Messy($"往返{format}", $"2020-511800-48-01-0003{(format == "csv" ? 1 : 2)}1"), "台账.xlsx")).StatusCode);
        var list = await client.ListAsync("pageSize=200");

        var export = await client.GetAsync($"/api/v1/export/projects.{format}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var result = await DryRunAsync(client, await export.Content.ReadAsByteArrayAsync(), $"导出.{format}");

        Assert.Empty(result.Errors);
        Assert.Equal(list.Total, result.RowsRead);
        Assert.Equal((0, 0, list.Total), (result.Created, result.Updated, result.Unchanged));
    }
}
