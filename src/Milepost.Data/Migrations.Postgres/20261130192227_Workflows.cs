using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Milepost.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Workflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisionItems_LeadUnitId",
                table: "SupervisionItems");

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Visits",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Visits",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "SupervisionItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "SupervisionItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvaluationComment",
                table: "SupervisionItems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaderId",
                table: "SupervisionItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VisitId",
                table: "SupervisionItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "RaisedBy",
                table: "Problems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EscalatedOn",
                table: "Problems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportId",
                table: "Problems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResolvedOn",
                table: "Problems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VisitId",
                table: "Problems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ReviewedBy",
                table: "MonthlyReports",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgressReason",
                table: "MonthlyReports",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "MonthlyReports",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ApprovalItems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "ApprovalItems",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Instance = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => new { x.Job, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "ProblemEscalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProblemId = table.Column<long>(type: "bigint", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FromLevel = table.Column<int>(type: "integer", nullable: false),
                    ToLevel = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemEscalations_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemUnits",
                columns: table => new
                {
                    ProblemId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemUnits", x => new { x.ProblemId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_ProblemUnits_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Caption = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportPhotos_MonthlyReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "MonthlyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportPhotos_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupervisionItemId = table.Column<long>(type: "bigint", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ByUnitId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionEntries_SupervisionItems_SupervisionItemId",
                        column: x => x.SupervisionItemId,
                        principalTable: "SupervisionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionItemUnits",
                columns: table => new
                {
                    SupervisionItemId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionItemUnits", x => new { x.SupervisionItemId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_SupervisionItemUnits_SupervisionItems_SupervisionItemId",
                        column: x => x.SupervisionItemId,
                        principalTable: "SupervisionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisionItemUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<long>(type: "bigint", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProjectId = table.Column<long>(type: "bigint", nullable: true),
                    ProblemId = table.Column<long>(type: "bigint", nullable: true),
                    SupervisionItemId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitFindings_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitFindings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitFindings_SupervisionItems_SupervisionItemId",
                        column: x => x.SupervisionItemId,
                        principalTable: "SupervisionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitFindings_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitLeaders",
                columns: table => new
                {
                    VisitId = table.Column<long>(type: "bigint", nullable: false),
                    LeaderId = table.Column<long>(type: "bigint", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitLeaders", x => new { x.VisitId, x.LeaderId });
                    table.ForeignKey(
                        name: "FK_VisitLeaders_Leaders_LeaderId",
                        column: x => x.LeaderId,
                        principalTable: "Leaders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitLeaders_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionItems_LeaderId",
                table: "SupervisionItems",
                column: "LeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionItems_LeadUnitId_State",
                table: "SupervisionItems",
                columns: new[] { "LeadUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionItems_VisitId",
                table: "SupervisionItems",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_ReportId",
                table: "Problems",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_State_Deadline",
                table: "Problems",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_VisitId",
                table: "Problems",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemEscalations_ProblemId",
                table: "ProblemEscalations",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemUnits_UnitId",
                table: "ProblemUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhotos_ProjectId_UploadedAt",
                table: "ReportPhotos",
                columns: new[] { "ProjectId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhotos_ReportId",
                table: "ReportPhotos",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhotos_Sha256",
                table: "ReportPhotos",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEntries_SupervisionItemId_At",
                table: "SupervisionEntries",
                columns: new[] { "SupervisionItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionItemUnits_UnitId",
                table: "SupervisionItemUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFindings_ProblemId",
                table: "VisitFindings",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFindings_ProjectId",
                table: "VisitFindings",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFindings_SupervisionItemId",
                table: "VisitFindings",
                column: "SupervisionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFindings_VisitId",
                table: "VisitFindings",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitLeaders_LeaderId",
                table: "VisitLeaders",
                column: "LeaderId");

            migrationBuilder.AddForeignKey(
                name: "FK_Problems_MonthlyReports_ReportId",
                table: "Problems",
                column: "ReportId",
                principalTable: "MonthlyReports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Problems_Visits_VisitId",
                table: "Problems",
                column: "VisitId",
                principalTable: "Visits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupervisionItems_Leaders_LeaderId",
                table: "SupervisionItems",
                column: "LeaderId",
                principalTable: "Leaders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupervisionItems_Visits_VisitId",
                table: "SupervisionItems",
                column: "VisitId",
                principalTable: "Visits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Problems_MonthlyReports_ReportId",
                table: "Problems");

            migrationBuilder.DropForeignKey(
                name: "FK_Problems_Visits_VisitId",
                table: "Problems");

            migrationBuilder.DropForeignKey(
                name: "FK_SupervisionItems_Leaders_LeaderId",
                table: "SupervisionItems");

            migrationBuilder.DropForeignKey(
                name: "FK_SupervisionItems_Visits_VisitId",
                table: "SupervisionItems");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "ProblemEscalations");

            migrationBuilder.DropTable(
                name: "ProblemUnits");

            migrationBuilder.DropTable(
                name: "ReportPhotos");

            migrationBuilder.DropTable(
                name: "SupervisionEntries");

            migrationBuilder.DropTable(
                name: "SupervisionItemUnits");

            migrationBuilder.DropTable(
                name: "VisitFindings");

            migrationBuilder.DropTable(
                name: "VisitLeaders");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionItems_LeaderId",
                table: "SupervisionItems");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionItems_LeadUnitId_State",
                table: "SupervisionItems");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionItems_VisitId",
                table: "SupervisionItems");

            migrationBuilder.DropIndex(
                name: "IX_Problems_ReportId",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_Problems_State_Deadline",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_Problems_VisitId",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "SupervisionItems");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "SupervisionItems");

            migrationBuilder.DropColumn(
                name: "EvaluationComment",
                table: "SupervisionItems");

            migrationBuilder.DropColumn(
                name: "LeaderId",
                table: "SupervisionItems");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "SupervisionItems");

            migrationBuilder.DropColumn(
                name: "EscalatedOn",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "ReportId",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "ResolvedOn",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "ProgressReason",
                table: "MonthlyReports");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "MonthlyReports");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ApprovalItems");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ApprovalItems");

            migrationBuilder.AlterColumn<string>(
                name: "RaisedBy",
                table: "Problems",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "ReviewedBy",
                table: "MonthlyReports",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionItems_LeadUnitId",
                table: "SupervisionItems",
                column: "LeadUnitId");
        }
    }
}
