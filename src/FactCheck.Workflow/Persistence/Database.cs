using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Persistence;

public static class Database
{
    public static string MigrationsAssembly(DatabaseProvider provider) => $"FactCheck.Migrations.{provider}";

    /// <summary>Points EF Core at the provider and its own migrations assembly. No EF retry strategy: MassTransit retries whole messages.</summary>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        builder.AddInterceptors(SkipLocked.Interceptor.For(provider));
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

    /// <summary>
    /// The connection string a process uses: <paramref name="maxPoolSize"/> as its pool limit unless it
    /// sets one itself, and for PostgreSQL <see cref="PostgreSqlSettings"/>.
    /// </summary>
    public static string WithPoolLimit(DatabaseProvider provider, string connectionString, int maxPoolSize)
    {
        var setsLimit = Sets(connectionString, "MaxPoolSize", "MaximumPoolSize");
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                var postgres = PostgreSqlSettings(connectionString);
                if (!setsLimit)
                    postgres.MaxPoolSize = maxPoolSize;
                return postgres.ConnectionString;
            case DatabaseProvider.SqlServer when !setsLimit:
                return new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize }.ConnectionString;
            default:
                return connectionString;
        }
    }

    /// <summary>
    /// A PostgreSQL connection string's settings, with GSS session encryption off unless it asks for
    /// it. Npgsql 10 tries GSS first by default, and an open that falls back from it to TLS can hang
    /// past its timeout (npgsql#6524, #6655). No newsroom deployment here uses Kerberos.
    /// </summary>
    public static Npgsql.NpgsqlConnectionStringBuilder PostgreSqlSettings(string connectionString)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "GssEncryptionMode"))
            settings.GssEncryptionMode = Npgsql.GssEncryptionMode.Disable;
        return settings;
    }

    /// <summary>True when the connection string sets one of <paramref name="keys"/>, however spaced or cased.</summary>
    private static bool Sets(string connectionString, params string[] keys) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => keys.Contains(k.Replace(" ", "", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// True when the database could not be reached or refused more work for now (down, restarting,
    /// out of connections): worth trying again shortly, unlike a refused change.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException p)
                return p.IsTransient || p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || p.SqlState.StartsWith("57", StringComparison.Ordinal) || p.SqlState == "55000";
            if (e is System.Data.Common.DbException { IsTransient: true } or Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException })
                return true;
        }

        return false;
    }

    /// <summary>
    /// True when PostgreSQL refused text it cannot hold (a NUL in a search term, say): the caller's
    /// input, not a fault. Stored text is checked before saving (<see cref="StoredText"/>); this
    /// catches what only reaches a query.
    /// </summary>
    public static bool IsUnstorableText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.CharacterNotInRepertoire or Npgsql.PostgresErrorCodes.UntranslatableCharacter })
                return true;
        }

        return false;
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
