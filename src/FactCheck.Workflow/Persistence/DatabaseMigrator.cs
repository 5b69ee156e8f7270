using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FactCheck.Workflow.Persistence;

/// <summary>Applies pending migrations of the configured provider before anything else touches the database.</summary>
public sealed class DatabaseMigrator(IServiceProvider services, DatabaseOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.MigrateOnStartup)
            return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FactCheckDbContext>();
        await RefusePreReleaseDatabaseAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The migrations were squashed into <c>Initial</c> before the first release. A database made by an
    /// earlier build has migrations applied but not this <c>Initial</c>, which EF would apply over its
    /// tables. (A database a later build migrated further still has <c>Initial</c>, and is left alone.)
    /// </summary>
    private async Task RefusePreReleaseDatabaseAsync(FactCheckDbContext db, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var known = db.Database.GetMigrations().ToList();
        if (applied.Count == 0 || applied.Contains(known[0]))
            return;
        var unknown = applied.Except(known);
        var recreate = options.Provider == DatabaseProvider.Sqlite
            ? $"Delete {Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource)} (and its -wal and -shm files) and start again."
            : "Drop it and create it again (or point ConnectionStrings:FactCheck at an empty database).";
        throw new InvalidOperationException(
            $"The database was made by a pre-release build of FactCheck: it records migrations this build does not have ({string.Join(", ", unknown)}), "
            + $"and it cannot be upgraded. {recreate}");
    }
}
