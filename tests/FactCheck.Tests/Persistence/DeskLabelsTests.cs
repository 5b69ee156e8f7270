using FactCheck.Detection;
using FactCheck.Workflow.Labels;
using FactCheck.Workflow.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Persistence;

/// <summary>The desk labels' reads against a SQLite database made by the app's migrations.</summary>
public sealed class DeskLabelsTests : IAsyncLifetime
{
    private static readonly DateTime Trained = new(2026, 11, 29, 9, 23, 48, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateTempSubdirectory("factcheck-labels-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "factcheck.db")}";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Database.CreateContext(DatabaseProvider.Sqlite, ConnectionString);
        await db.Database.MigrateAsync(ct);
        db.DeskLabels.AddRange(
            new DeskLabel(Guid.NewGuid(), "The budget grew 5 percent.", DeskLabelKind.Added, "en", "editor", Trained.AddDays(-1)),
            new DeskLabel(Guid.NewGuid(), "Read more\tbelow.", DeskLabelKind.Dismissed, "en", "editor", Trained.AddHours(1)),
            new DeskLabel(Guid.NewGuid(), "Exports fell by a third.", DeskLabelKind.Split, "en", "editor", Trained.AddHours(2)),
            new DeskLabel(Guid.NewGuid(), "Imports rose 2 percent.", DeskLabelKind.Split, "en", "editor", Trained.AddHours(2)));
        await db.SaveChangesAsync(ct);
    }

    [Fact]
    public async Task Counts_the_labels_since_a_time_by_class()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Database.CreateContext(DatabaseProvider.Sqlite, ConnectionString);
        var labels = new DeskLabels(db);

        Assert.Equal(new DeskLabelCount(3, 2, 1), await labels.CountSinceAsync(Trained, ct));
        Assert.Equal(new DeskLabelCount(4, 3, 1), await labels.CountSinceAsync(null, ct));
        Assert.Equal(new DeskLabelCount(0, 0, 0), await labels.CountSinceAsync(Trained.AddDays(1), ct));
    }

    [Fact]
    public async Task Exports_every_label_as_the_training_data_format()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Database.CreateContext(DatabaseProvider.Sqlite, ConnectionString);
        var ids = await db.DeskLabels.OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(ct);
        await using var writer = new StringWriter();

        await new DeskLabels(db).ExportAsync(writer, ct);

        Assert.Equal(
            [
                new LabelledSentence($"desk-{ids[0]}", "The budget grew 5 percent.", true),
                new LabelledSentence($"desk-{ids[1]}", "Read more below.", false),
                new LabelledSentence($"desk-{ids[2]}", "Exports fell by a third.", true),
                new LabelledSentence($"desk-{ids[3]}", "Imports rose 2 percent.", true),
            ],
            CheckWorthinessData.Parse(writer.ToString()));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
