using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactCheck.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClaimEmbedding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Embedding",
                table: "Claims",
                type: "BLOB",
                maxLength: 1536,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Embedding",
                table: "Claims");
        }
    }
}
