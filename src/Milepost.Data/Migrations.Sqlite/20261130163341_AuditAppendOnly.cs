using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milepost.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SECURITY.md 11: the audit trail is append-only, whoever holds the database file.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_no_update" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_no_delete" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_no_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_no_delete\";");
        }
    }
}
