using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milepost.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Eligible = table.Column<int>(type: "INTEGER", nullable: false),
                    RedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BlackCount = table.Column<int>(type: "INTEGER", nullable: false)
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
                CREATE TRIGGER "RankingPublications_no_update" BEFORE UPDATE ON "RankingPublications"
                BEGIN SELECT RAISE(ABORT, 'published lists are never changed'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "RankingPublications_no_delete" BEFORE DELETE ON "RankingPublications"
                BEGIN SELECT RAISE(ABORT, 'published lists are never changed'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"RankingPublications_no_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"RankingPublications_no_delete\";");

            migrationBuilder.DropTable(
                name: "RankingExemptions");

            migrationBuilder.DropTable(
                name: "RankingPublications");
        }
    }
}
