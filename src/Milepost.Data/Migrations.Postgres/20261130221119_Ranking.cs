using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Milepost.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Ranking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RankingExemptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingExemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankingExemptions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RankingPublications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Eligible = table.Column<int>(type: "integer", nullable: false),
                    RedCount = table.Column<int>(type: "integer", nullable: false),
                    BlackCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingPublications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RankingExemptions_Month_ProjectId",
                table: "RankingExemptions",
                columns: new[] { "Month", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_RankingExemptions_ProjectId",
                table: "RankingExemptions",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RankingPublications_DivisionCode_Month_Sequence",
                table: "RankingPublications",
                columns: new[] { "DivisionCode", "Month", "Sequence" },
                unique: true);

            // SPEC §4.4: a published list is never edited; a re-publication is a new row.
            migrationBuilder.Sql("""
                CREATE FUNCTION milepost_publication_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'published lists are never changed';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "RankingPublications_frozen" BEFORE UPDATE OR DELETE ON "RankingPublications"
                FOR EACH ROW EXECUTE FUNCTION milepost_publication_frozen();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "RankingPublications_no_truncate" BEFORE TRUNCATE ON "RankingPublications"
                FOR EACH STATEMENT EXECUTE FUNCTION milepost_publication_frozen();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"RankingPublications_no_truncate\" ON \"RankingPublications\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"RankingPublications_frozen\" ON \"RankingPublications\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS milepost_publication_frozen();");

            migrationBuilder.DropTable(
                name: "RankingExemptions");

            migrationBuilder.DropTable(
                name: "RankingPublications");
        }
    }
}
