using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Settings under <c>FactCheck:Database</c>; the connection string is <c>ConnectionStrings:FactCheck</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=factcheck.db";

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public static class Database
{
    public static string MigrationsAssembly(DatabaseProvider provider) => $"FactCheck.Migrations.{provider}";

    /// <summary>Points EF Core at the provider and its own migrations assembly. No EF retry strategy: MassTransit retries whole messages.</summary>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    /// <summary>A context outside dependency injection: for design-time tools and for generating scripts.</summary>
    public static FactCheckDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<FactCheckDbContext>();
        options.Use(provider, connectionString);
        return new FactCheckDbContext(options.Options);
    }

    /// <summary>True when the exception is a unique-key violation, whatever the provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException switch
        {
            Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
            Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
            Microsoft.Data.SqlClient.SqlException s => s.Number is 2601 or 2627,
            _ => false,
        };
}
