using FactCheck.Testing;
using FactCheck.Workflow.Persistence;
using Npgsql;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// Where a test host keeps its data and messages. Embedded: a fresh SQLite file and the in-memory
/// bus. Real: a fresh PostgreSQL database and a fresh RabbitMQ virtual host, created for the test and
/// dropped after it.
/// </summary>
public sealed class TestStack : IAsyncDisposable
{
    public const string PostgresVariable = "FACTCHECK_TEST_POSTGRES";
    public const string RabbitMqVariable = "FACTCHECK_TEST_RABBITMQ";
    public const string RequireVariable = "FACTCHECK_REQUIRE_SERVICES";

    private readonly Func<Task> _cleanup;
    private readonly Func<bool, Task>? _setDatabaseOnline;
    private readonly string? _vhost;

    private TestStack(string provider, string connectionString, string transport, string? rabbitMq, Func<Task> cleanup, Func<bool, Task>? setDatabaseOnline = null, string? vhost = null)
    {
        _setDatabaseOnline = setDatabaseOnline;
        _vhost = vhost;
        Provider = provider;
        ConnectionString = connectionString;
        Transport = transport;
        RabbitMq = rabbitMq;
        _cleanup = cleanup;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string Transport { get; }
    public string? RabbitMq { get; }

    /// <summary>This stack as the environment variables a FactCheck process of its own is given.</summary>
    public IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__FactCheck"] = ConnectionString,
                ["FactCheck__Database__Provider"] = Provider,
                ["FactCheck__Bus__Transport"] = Transport,
            };
            if (RabbitMq is not null)
                settings["ConnectionStrings__RabbitMq"] = RabbitMq;
            return settings;
        }
    }

    public static TestStack Embedded()
    {
        var file = Path.Combine(Path.GetTempPath(), $"factcheck-test-{Guid.NewGuid():N}.db");
        return new TestStack("Sqlite", $"Data Source={file}", "InMemory", null, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(f);
            return Task.CompletedTask;
        });
    }

    /// <summary>RabbitMQ + PostgreSQL. Skips (with the reason) when they are not configured, unless CI requires them.</summary>
    public static async Task<TestStack> RealAsync()
    {
        var postgres = Database.PostgreSqlSettings(RequireSetting(PostgresVariable, "a PostgreSQL connection string, e.g. Host=127.0.0.1;Username=postgres;Password=postgres")).ConnectionString;
        var rabbit = RequireSetting(RabbitMqVariable, "a RabbitMQ URI, e.g. amqp://guest:guest@127.0.0.1:5672/");

        var database = await CreateDatabaseAsync(postgres);
        var vhost = $"factcheck-test-{Guid.NewGuid():N}";
        await RabbitMqCtlAsync("add_vhost", vhost);
        await RabbitMqCtlAsync("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        var rabbitUri = new UriBuilder(rabbit) { Path = "/" + Uri.EscapeDataString(vhost) }.Uri.ToString();
        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;

        return new TestStack("PostgreSql", connection, "RabbitMq", rabbitUri, async () =>
        {
            await DropDatabaseAsync(postgres, database);
            await RabbitMqCtlAsync("delete_vhost", vhost);
        }, async online =>
        {
            // Offline: new connections are refused and the open ones are cut, as when the server goes away.
            await using var admin = new NpgsqlConnection(postgres);
            await OpenAdminAsync(admin);
            await using var allow = new NpgsqlCommand($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS {(online ? "true" : "false")}", admin);
            await allow.ExecuteNonQueryAsync();
            if (!online)
            {
                await using var cut = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'", admin);
                await cut.ExecuteNonQueryAsync();
            }
        }, vhost);
    }

    /// <summary>
    /// A fresh PostgreSQL database and the in-memory bus (each process a bus of its own): for tests of
    /// what processes share through the database alone, such as the sign-in key ring. Skips like <see cref="RealAsync"/>.
    /// </summary>
    public static async Task<TestStack> PostgreSqlAsync()
    {
        var postgres = Database.PostgreSqlSettings(RequireSetting(PostgresVariable, "a PostgreSQL connection string, e.g. Host=127.0.0.1;Username=postgres;Password=postgres")).ConnectionString;
        var database = await CreateDatabaseAsync(postgres);
        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        return new TestStack("PostgreSql", connection, "InMemory", null, () => DropDatabaseAsync(postgres, database));
    }

    private static async Task<string> CreateDatabaseAsync(string postgres)
    {
        var database = $"factcheck_test_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(postgres);
        await OpenAdminAsync(admin);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    private static async Task DropDatabaseAsync(string postgres, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(postgres);
        await OpenAdminAsync(admin);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Takes the test's PostgreSQL database away (refusing and cutting connections) or brings it back.</summary>
    public Task SetDatabaseOnlineAsync(bool online) =>
        (_setDatabaseOnline ?? throw new InvalidOperationException("Only the real stack's database can be taken offline."))(online);

    /// <summary>
    /// Stops the RabbitMQ application (every connection drops; the node and its data stay) and starts
    /// it again after <paramref name="outage"/>. The restart runs on its own, so a test that hangs
    /// meanwhile cannot leave the broker stopped for the tests after it. Await the returned task to
    /// know the broker is back.
    /// </summary>
    public static async Task<Task> StopBrokerAsync(TimeSpan outage)
    {
        await RabbitMqCtlAsync("stop_app");
        return Task.Run(async () =>
        {
            await Task.Delay(outage);
            await RabbitMqCtlAsync("start_app");
            await RabbitMqCtlAsync("await_startup");
        });
    }

    /// <summary>The broker's view of the test's queues (ready, unacknowledged, consumers), for a failing test to print.</summary>
    public Task<string> DescribeQueuesAsync() =>
        RabbitMqCtlAsync("list_queues", "-p", _vhost ?? throw new InvalidOperationException("Only the real stack has queues."), "name", "messages_ready", "messages_unacknowledged", "consumers");

    public ValueTask DisposeAsync() => new(_cleanup());

    /// <summary>Opens a connection to the server's own database; one that does not open in a minute fails the test instead of holding the run.</summary>
    private static Task OpenAdminAsync(NpgsqlConnection admin) =>
        admin.OpenAsync().WaitAsync(TimeSpan.FromMinutes(1));

    private static string RequireSetting(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
            return value;
        var message = $"Real-service test: set {variable} to {what} (.ci/run does).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail($"{RequireVariable}=1 but {variable} is not set. {message}");
        Assert.Skip(message);
        return "";
    }

    /// <summary>A fresh virtual host per test keeps queues and exchanges of one test away from the next.</summary>
    private static Task<string> RabbitMqCtlAsync(params string[] args) => RabbitMqCtl.RunAsync(ChildProcess.Start, args);
}
