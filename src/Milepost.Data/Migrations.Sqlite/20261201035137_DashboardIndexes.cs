using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milepost.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReports_ProjectId_Month_State_SubmittedAt",
                table: "MonthlyReports",
                columns: new[] { "ProjectId", "Month", "State", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReports_ProjectId_State_ReviewedAt",
                table: "MonthlyReports",
                columns: new[] { "ProjectId", "State", "ReviewedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MonthlyReports_ProjectId_Month_State_SubmittedAt",
                table: "MonthlyReports");

            migrationBuilder.DropIndex(
                name: "IX_MonthlyReports_ProjectId_State_ReviewedAt",
                table: "MonthlyReports");
        }
    }
}
