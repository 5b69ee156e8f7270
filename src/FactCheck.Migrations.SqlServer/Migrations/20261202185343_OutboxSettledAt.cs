using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactCheck.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSettledAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SettledAt",
                table: "Outbox",
                type: "datetime2",
                nullable: true);

            // Rows relayed before this was kept are taken as handled.
            migrationBuilder.Sql("UPDATE [Outbox] SET [SettledAt] = [DispatchedAt]");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SettledAt",
                table: "Outbox",
                column: "SettledAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_SettledAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "SettledAt",
                table: "Outbox");
        }
    }
}
