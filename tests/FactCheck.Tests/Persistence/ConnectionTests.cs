using System.Net.Sockets;
using FactCheck.Workflow.Persistence;
using Npgsql;

namespace FactCheck.Tests.Persistence;

/// <summary>How a process sizes its connection pool, and which database errors mean "try again shortly".</summary>
public sealed class ConnectionTests
{
    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "Host=db;Username=u;Password=p", "Maximum Pool Size=40")]
    [InlineData(DatabaseProvider.SqlServer, "Server=db;Database=f;User Id=u;Password=p", "Max Pool Size=40")]
    public void A_connection_string_without_a_pool_limit_gets_the_configured_one(DatabaseProvider provider, string connectionString, string expected) =>
        Assert.Contains(expected, Database.WithPoolLimit(provider, connectionString, 40), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "Host=db;Maximum Pool Size=7", "Maximum Pool Size=7")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=db;MaxPoolSize=7", "Maximum Pool Size=7")]
    [InlineData(DatabaseProvider.SqlServer, "Server=db;Max Pool Size=7", "Max Pool Size=7")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=factcheck.db", "Data Source=factcheck.db")]
    public void A_connection_string_that_sets_its_own_limit_or_has_no_pool_keeps_it(DatabaseProvider provider, string connectionString, string expected)
    {
        var used = Database.WithPoolLimit(provider, connectionString, 40);
        Assert.Contains(expected, used, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("40", used, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db", "Disable")]
    [InlineData("Host=db;GSS Encryption Mode=Require", "Require")]
    [InlineData("Host=db;GssEncryptionMode=Prefer", "Prefer")]
    public void PostgreSql_leaves_GSS_session_encryption_off_unless_the_connection_string_asks_for_it(string connectionString, string expected)
    {
        Assert.Equal(Enum.Parse<GssEncryptionMode>(expected), Database.PostgreSqlSettings(connectionString).GssEncryptionMode);
        Assert.Equal(Enum.Parse<GssEncryptionMode>(expected), new NpgsqlConnectionStringBuilder(Database.WithPoolLimit(DatabaseProvider.PostgreSql, connectionString, 40)).GssEncryptionMode);
    }

    [Fact]
    public void Out_of_connections_refused_or_unreachable_is_unavailable_and_a_broken_rule_is_not()
    {
        Assert.True(Database.IsUnavailable(new InvalidOperationException("transient", new PostgresException("too many clients", "FATAL", "FATAL", "53300"))));
        Assert.True(Database.IsUnavailable(new PostgresException("not accepting connections", "FATAL", "FATAL", "55000")));
        Assert.True(Database.IsUnavailable(new PostgresException("terminated by administrator", "FATAL", "FATAL", "57P01")));
        Assert.True(Database.IsUnavailable(new NpgsqlException("connect failed", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(Database.IsUnavailable(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(Database.IsUnavailable(new InvalidOperationException("a bug")));
    }
}
