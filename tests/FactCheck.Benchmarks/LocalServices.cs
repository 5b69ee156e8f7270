using FactCheck.Workflow.Persistence;
using Npgsql;

namespace FactCheck.Benchmarks;

/// <summary>
/// Scratch databases and RabbitMQ virtual hosts on the local services, so a harness never touches
/// anyone else's data; each is dropped again by the harness that made it.
/// </summary>
internal static class LocalServices
{
    public const string DefaultPostgres = "Host=127.0.0.1;Username=postgres;Password=postgres";
    public const string DefaultRabbitMq = "amqp://guest:guest@127.0.0.1:5672/";

    public static string DatabaseConnection(string server, string database)
    {
        var settings = Database.PostgreSqlSettings(server);
        settings.Database = database;
        return settings.ConnectionString;
    }

    public static async Task CreateDatabaseAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnection(server, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(DatabaseConnection(server, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task CreateVhostAsync(string vhost)
    {
        await RabbitMqCtlAsync("add_vhost", vhost);
        try
        {
            await RabbitMqCtlAsync("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        }
        catch
        {
            await DeleteVhostAsync(vhost);
            throw;
        }
    }

    public static Task DeleteVhostAsync(string vhost) => RabbitMqCtlAsync("delete_vhost", vhost);

    /// <summary>The broker's URI with the virtual host as its path.</summary>
    public static string RabbitMqUri(string server, string vhost) =>
        new UriBuilder(server) { Path = "/" + Uri.EscapeDataString(vhost) }.Uri.ToString();

    // Other people's fault tests stop and start the broker's app now and then: try a few times.
    private static async Task RabbitMqCtlAsync(params string[] args)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Sandbox.RabbitMqCtlAsync(args);
                return;
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
            }
        }
    }
}
