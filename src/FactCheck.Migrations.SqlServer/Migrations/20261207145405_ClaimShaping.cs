using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactCheck.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClaimShaping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Statement",
                table: "Verdicts",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dismissal",
                table: "Claims",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Claims",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Detected");

            migrationBuilder.AddColumn<Guid>(
                name: "SplitFromId",
                table: "Claims",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Statement",
                table: "Claims",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            // Existing claims were all detected; their statement is their quoted text, and a past
            // dismissal's kind is known only for duplicates (no label is made up for the others).
            migrationBuilder.Sql("UPDATE [Claims] SET [Statement] = LEFT([Text], 1000);");
            migrationBuilder.Sql("UPDATE [Claims] SET [Dismissal] = CASE WHEN [DuplicateOfId] IS NULL THEN 'Other' ELSE 'Duplicate' END WHERE [Status] = 'Dismissed';");

            migrationBuilder.CreateTable(
                name: "DeskLabels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClaimId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CheckWorthy = table.Column<bool>(type: "bit", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    LabelledBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    LabelledAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskLabels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_DuplicateOfId",
                table: "Claims",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_SplitFromId",
                table: "Claims",
                column: "SplitFromId");

            migrationBuilder.CreateIndex(
                name: "IX_DeskLabels_ClaimId",
                table: "DeskLabels",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_DeskLabels_LabelledAt",
                table: "DeskLabels",
                column: "LabelledAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeskLabels");

            migrationBuilder.DropIndex(
                name: "IX_Claims_DuplicateOfId",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_SplitFromId",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Statement",
                table: "Verdicts");

            migrationBuilder.DropColumn(
                name: "Dismissal",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "SplitFromId",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Statement",
                table: "Claims");
        }
    }
}
