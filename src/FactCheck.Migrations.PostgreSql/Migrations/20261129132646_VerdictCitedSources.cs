using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactCheck.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VerdictCitedSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CitedSources",
                table: "Verdicts",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CitedSources",
                table: "Verdicts");
        }
    }
}
