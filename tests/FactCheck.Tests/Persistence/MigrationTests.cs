using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace FactCheck.Tests.Persistence;

/// <summary>
/// Every provider's migrations match the model. SQL Server cannot run here: its migrations are
/// checked by generating the script and parsing it as T-SQL (SQLite and PostgreSQL apply theirs in
/// the functional and real-service tests).
/// </summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused")]
    public void Each_providers_migrations_are_up_to_date_with_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = Database.CreateContext(provider, connectionString);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration to FactCheck.Migrations.{provider}: the model has changed.");
    }

    private static string GenerateScript(bool idempotent)
    {
        using var db = Database.CreateContext(DatabaseProvider.SqlServer, "Server=unused;Database=FactCheck;TrustServerCertificate=True");
        Assert.NotEmpty(db.Database.GetMigrations());
        return db.GetService<IMigrator>().GenerateScript(options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_migration_script_parses_as_TSql(bool idempotent)
    {
        var script = GenerateScript(idempotent);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        var tables = new CreatedTables();
        fragment.Accept(tables);
        Assert.Superset(new HashSet<string> { "Articles", "Claims", "ClaimEvents", "Sources", "Verdicts", "Reviewers", "Outbox", "Inbox", "AspNetUsers" }, tables.Names);
    }

    [Fact]
    public void The_claim_version_is_a_concurrency_token_on_every_provider()
    {
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            using var db = Database.CreateContext(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=unused");
            var version = db.Model.FindEntityType(typeof(FactCheck.Workflow.Claims.Claim))!.FindProperty("Version")!;
            Assert.True(version.IsConcurrencyToken, provider.ToString());
        }
    }

    private sealed class CreatedTables : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = [];

        public override void Visit(CreateTableStatement node) => Names.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }
}
