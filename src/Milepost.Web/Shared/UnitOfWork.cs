using Milepost.Data;

namespace Milepost.Web.Shared;

public static class UnitOfWork
{
    /// <summary>
    /// Starts a command on a clean change tracker. In an interactive circuit one <see cref="MilepostDb"/> lives as
    /// long as the circuit, so without this a command would get back the entity an earlier command tracked, with
    /// that moment's values and version (a false "changed by someone else"), and a refused save would leave its
    /// changes and audit event behind for the next save to write.
    /// </summary>
    public static void BeginCommand(this MilepostDb db) => db.ChangeTracker.Clear();
}
