namespace FactCheck.Workflow.Persistence;

/// <summary>Settings under <c>FactCheck:Database</c>; the connection string is <c>ConnectionStrings:FactCheck</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=factcheck.db";

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Connections this process may hold (PostgreSQL, SQL Server), used when the connection string
    /// does not say. The drivers' own default (100) equals PostgreSQL's default max_connections, so
    /// one busy process could take them all; size it so every web and worker process fits together.
    /// </summary>
    public int MaxPoolSize { get; set; } = 40;
}
