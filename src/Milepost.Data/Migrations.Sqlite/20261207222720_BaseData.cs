using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milepost.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BaseData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Units",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Units",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ParentId",
                table: "Units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortName",
                table: "Units",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Units",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Programmes",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Leaders",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "Leaders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InOfficeFrom",
                table: "Leaders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InOfficeTo",
                table: "Leaders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Leaders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Leaders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Divisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Divisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Categories",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "OpeningBalances",
                columns: table => new
                {
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Through = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedBeforeYear = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedInYear = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningBalances", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_OpeningBalances_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Units_ParentId",
                table: "Units",
                column: "ParentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Units_Units_ParentId",
                table: "Units",
                column: "ParentId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Units_Units_ParentId",
                table: "Units");

            migrationBuilder.DropTable(
                name: "OpeningBalances");

            migrationBuilder.DropIndex(
                name: "IX_Units_ParentId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ShortName",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "InOfficeFrom",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "InOfficeTo",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Divisions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Divisions");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Categories");
        }
    }
}
