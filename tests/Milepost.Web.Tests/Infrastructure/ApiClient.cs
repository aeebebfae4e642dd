using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Milepost.Web.Features.Projects;

namespace Milepost.Web.Tests.Infrastructure;

/// <summary>Reads and writes the JSON API the way a client would: enums as names, dates as yyyy-MM-dd.</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<PageOf<ProjectRow>> ListAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/projects" + (query.Length > 0 ? "?" + query : ""));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PageOf<ProjectRow>>(Json))!;
    }

    public static async Task<ProjectView> GetProjectAsync(this HttpClient client, long id) =>
        (await client.GetFromJsonAsync<ProjectView>($"/api/v1/projects/{id}", Json))!;

    public static async Task<long> IdOfAsync(this HttpClient client, string name)
    {
        var page = await client.ListAsync("q=" + Uri.EscapeDataString(name));
        return page.Items.Single(p => p.Name == name).Id;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body, Json);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>(Json))!;
}
