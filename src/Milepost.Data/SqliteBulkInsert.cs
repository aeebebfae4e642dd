using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Milepost.Data;

/// <summary>
/// Writes the entities of one type that the change tracker holds as Added, on SQLite, through a single prepared
/// INSERT reused for every row, then marks them Unchanged as SaveChanges would. EF Core's SQLite provider sends one
/// command per row and SQLite compiles each afresh; an import of 20,000 projects is 100,000 such commands. Columns,
/// value conversions and parameters come from EF's own model and type mappings, so a row reads back as SaveChanges
/// would have written it (SqliteBulkInsertTests). On other providers it does nothing: SaveChanges batches there.
/// </summary>
public static class SqliteBulkInsert
{
    /// <summary>Inserts the Added <typeparamref name="T"/> entities inside the caller's transaction; returns how many.</summary>
    /// <remarks>
    /// A store-generated key is read back (RETURNING) and set on the entity, and EF propagates it to the dependents it
    /// tracks, so call this for principals before their dependents.
    /// </remarks>
    public static async Task<int> SaveAddedAsync<T>(MilepostDb db, CancellationToken ct = default) where T : class
    {
        if (!db.Database.IsSqlite()) return 0;
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0) return 0;
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("SqliteBulkInsert needs the caller's transaction: the rows and their audit events commit together");

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not an entity");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties;
        var generated = key is [{ ValueGenerated: ValueGenerated.OnAdd } k] ? k : null;
        var columns = type.GetProperties().Where(p => p != generated && p.GetColumnName(table) is not null).ToList();
        var mappings = columns.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();

        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})" +
                              (generated is null ? "" : $" RETURNING \"{generated.GetColumnName(table)}\"");
        foreach (var entry in added)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
                command.Parameters.Add(mappings[i].CreateParameter(command, $"@p{i}", entry.Property(columns[i].Name).CurrentValue, columns[i].IsNullable));
            if (generated is null) await command.ExecuteNonQueryAsync(ct);
            else
            {
                var id = Convert.ChangeType(await command.ExecuteScalarAsync(ct), generated.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                PropertyEntry property = entry.Property(generated.Name);
                property.CurrentValue = id;
                property.IsTemporary = false;
            }
        }
        foreach (var entry in added) entry.State = EntityState.Unchanged;
        return added.Count;
    }
}
