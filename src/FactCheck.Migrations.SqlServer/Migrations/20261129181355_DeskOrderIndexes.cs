using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactCheck.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DeskOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Status_Priority_DueAt",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Priority_DueAt",
                table: "Claims",
                columns: new[] { "Priority", "DueAt" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_Priority_DueAt",
                table: "Claims",
                columns: new[] { "Status", "Priority", "DueAt" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Priority_DueAt",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Status_Priority_DueAt",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_Priority_DueAt",
                table: "Claims",
                columns: new[] { "Status", "Priority", "DueAt" });
        }
    }
}
