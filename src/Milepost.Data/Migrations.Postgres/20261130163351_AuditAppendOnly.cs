using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milepost.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SECURITY.md 11: the audit trail is append-only: no UPDATE, DELETE or TRUNCATE.
            migrationBuilder.Sql("""
                CREATE FUNCTION milepost_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit events are append-only';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_append_only" BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION milepost_audit_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_no_truncate" BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION milepost_audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_no_truncate\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEvents_append_only\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS milepost_audit_append_only();");
        }
    }
}
