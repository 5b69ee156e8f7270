using System.Diagnostics;
using FactCheck.Testing;
using Microsoft.Data.Sqlite;

namespace FactCheck.Benchmarks;

/// <summary>
/// What a harness run creates on this machine (a PostgreSQL database, RabbitMQ virtual hosts, a
/// SQLite file, child processes), undone in reverse order on dispose, also after a failure.
/// </summary>
internal sealed class Sandbox : IAsyncDisposable
{
    private readonly Stack<(string What, Func<Task> Undo)> _undo = new();

    public void Defer(string what, Func<Task> undo) => _undo.Push((what, undo));

    public async Task<string> CreateDatabaseAsync(string server, string name)
    {
        await LocalServices.CreateDatabaseAsync(server, name);
        Defer($"drop database {name}", () => LocalServices.DropDatabaseAsync(server, name));
        return LocalServices.DatabaseConnection(server, name);
    }

    /// <returns>The broker's URI with the new virtual host as its path.</returns>
    public async Task<Uri> CreateVirtualHostAsync(Uri broker, string name)
    {
        await RabbitMqCtlAsync("add_vhost", name);
        Defer($"delete vhost {name}", () => RabbitMqCtlAsync("delete_vhost", name));
        await RabbitMqCtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new UriBuilder(broker) { Path = "/" + Uri.EscapeDataString(name) }.Uri;
    }

    public string SqliteFile(string name)
    {
        var file = Path.Combine(Path.GetTempPath(), name + ".db");
        Defer($"delete {file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(f);
            return Task.CompletedTask;
        });
        return file;
    }

    public static Task<string> RabbitMqCtlAsync(params string[] args) =>
        RabbitMqCtl.RunAsync(start => Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {start.FileName}."), args);

    public async ValueTask DisposeAsync()
    {
        while (_undo.TryPop(out var step))
        {
            try
            {
                await step.Undo();
            }
#pragma warning disable CA1031 // Clean-up goes on past a failed step, and says which one failed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Console.Error.WriteLine($"clean-up: could not {step.What}: {ex.Message}");
            }
        }
    }
}
