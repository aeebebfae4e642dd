using Microsoft.AspNetCore.WebUtilities;

namespace Milepost.Web.Features.Ledger;

/// <summary>The 导出 links of a list page: the export of its kind under the page's current filters (its paging left out).</summary>
public static class ExportLinks
{
    public static string Href(string kind, string format, string pageUri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(pageUri).Query)
            .Where(q => q.Key is not ("page" or "pageSize"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString($"/api/v1/export/{kind}.{format}", query);
    }
}
