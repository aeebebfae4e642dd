using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milepost.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RankingSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RankingExemptions_Month_ProjectId",
                table: "RankingExemptions");

            migrationBuilder.DropIndex(
                name: "IX_RankingExemptions_ProjectId",
                table: "RankingExemptions");

            migrationBuilder.AddColumn<string>(
                name: "UnitSummary",
                table: "RankingPublications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RankingExemptions_ProjectId_Month",
                table: "RankingExemptions",
                columns: new[] { "ProjectId", "Month" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RankingExemptions_ProjectId_Month",
                table: "RankingExemptions");

            migrationBuilder.DropColumn(
                name: "UnitSummary",
                table: "RankingPublications");

            migrationBuilder.CreateIndex(
                name: "IX_RankingExemptions_Month_ProjectId",
                table: "RankingExemptions",
                columns: new[] { "Month", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_RankingExemptions_ProjectId",
                table: "RankingExemptions",
                column: "ProjectId");
        }
    }
}
