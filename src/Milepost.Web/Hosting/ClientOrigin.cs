using Milepost.Data;

namespace Milepost.Web.Hosting;

/// <summary>
/// The client's address for the audit trail. A request has it on its connection; an interactive
/// circuit outlives its requests, so the page that starts it hands the address to <c>Routes</c>,
/// which pins it here for the circuit's lifetime.
/// </summary>
public sealed class ClientOrigin(IHttpContextAccessor http) : IAuditOrigin
{
    private string? pinned;

    public string? ClientAddress => pinned ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public void Pin(string? address)
    {
        if (!string.IsNullOrEmpty(address)) pinned = address.Length <= 64 ? address : address[..64];
    }
}
