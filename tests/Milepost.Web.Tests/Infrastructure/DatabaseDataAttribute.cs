using System.Reflection;
using Milepost.Data;
using Xunit.Sdk;

namespace Milepost.Web.Tests.Infrastructure;

/// <summary>
/// Runs a <c>[Theory]</c> once per database provider, passing the <see cref="DatabaseProvider"/> as
/// its one argument (as bitwarden's DatabaseDataAttribute does). Unlike bitwarden's, a provider
/// that is not available is never skipped: its run fails and says why.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Enum.GetValues<DatabaseProvider>().Select(p => new object[] { p });
}
