using FactCheck.Detection;
using FactCheck.Workflow.Labels;
using FactCheck.Workflow.Persistence;

/// <summary>
/// Where the desk's labels come from on the command line: a file exported from the desk (a path
/// ending .tsv), or the workflow's database (a connection string, with its provider; a bare SQLite
/// file name is taken as its Data Source).
/// </summary>
internal sealed record DeskLabelSource(string Source, DatabaseProvider Provider)
{
    public bool IsFile => Source.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The source of <c>--with-desk-labels</c> (or <c>--connection</c>) and <c>--provider</c>; null without one.</summary>
    public static DeskLabelSource? Of(string? source, string? provider)
    {
        if (source is null)
            return provider is null ? null : throw new ArgumentException("--provider goes with a database source.");
        if (!Enum.TryParse<DatabaseProvider>(provider ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            throw new ArgumentException($"unknown provider '{provider}' (postgresql, sqlserver or sqlite)");
        return new DeskLabelSource(source, parsed);
    }

    public List<LabelledSentence> Load()
    {
        if (IsFile)
            return CheckWorthinessData.Load(Source);
        using var db = OpenDatabase();
        return [.. new DeskLabels(db).SentencesAsync(CancellationToken.None).ToBlockingEnumerable()];
    }

    public FactCheckDbContext OpenDatabase()
    {
        var connectionString = Provider == DatabaseProvider.Sqlite && !Source.Contains('=', StringComparison.Ordinal) ? $"Data Source={Source}" : Source;
        return Database.CreateContext(Provider, Database.WithPoolLimit(Provider, connectionString, new DatabaseOptions().MaxPoolSize));
    }

    public override string ToString() => IsFile ? Source : $"the {Provider} database";
}
