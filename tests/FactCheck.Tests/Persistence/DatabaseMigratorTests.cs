using FactCheck.Workflow.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Persistence;

/// <summary>What the start-up migration does with a database it finds.</summary>
public sealed class DatabaseMigratorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("factcheck-migrator-").FullName;
    private readonly ServiceProvider _services;

    public DatabaseMigratorTests() =>
        _services = new ServiceCollection()
            .AddDbContext<FactCheckDbContext>(o => o.Use(DatabaseProvider.Sqlite, ConnectionString))
            .BuildServiceProvider();

    private string DatabaseFile => Path.Combine(_folder, "factcheck.db");

    private string ConnectionString => $"Data Source={DatabaseFile}";

    [Fact]
    public async Task A_database_made_before_the_migrations_were_squashed_is_refused_with_the_file_to_delete()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = Database.CreateContext(DatabaseProvider.Sqlite, ConnectionString))
        {
            // What a pre-release build left behind: the history of its own migrations.
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateScript(), ct);
            foreach (var id in new[] { "20261129081343_Initial", "20261202231117_DataProtectionKeys" })
                await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(id, "10.0.0")), ct);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator().StartAsync(ct));

        Assert.Contains("pre-release build", error.Message, StringComparison.Ordinal);
        Assert.Contains("20261129081343_Initial", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Delete {DatabaseFile}", error.Message, StringComparison.Ordinal);
        await using var after = Database.CreateContext(DatabaseProvider.Sqlite, ConnectionString);
        Assert.DoesNotContain(after.Database.GetMigrations().First(), await after.Database.GetAppliedMigrationsAsync(ct));
    }

    [Fact]
    public async Task A_database_this_build_made_starts_again_without_complaint()
    {
        var ct = TestContext.Current.CancellationToken;
        await Migrator().StartAsync(ct);
        await Migrator().StartAsync(ct);

        await using var db = Database.CreateContext(DatabaseProvider.Sqlite, ConnectionString);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
    }

    private DatabaseMigrator Migrator() =>
        new(_services, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString });

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
