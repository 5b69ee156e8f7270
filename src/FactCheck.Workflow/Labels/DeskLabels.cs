using System.Runtime.CompilerServices;
using FactCheck.Detection;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Labels;

/// <summary>
/// The labels feature's reads: how many labels the desk has produced, and the labels as training
/// sentences (<c>train --with-desk-labels</c>, the export). Nothing is tracked.
/// </summary>
public sealed class DeskLabels(FactCheckDbContext db)
{
    /// <summary>The id a label has as a training sentence; the prefix keeps it apart from the base data's ids.</summary>
    public static string SentenceId(long labelId) => $"desk-{labelId}";

    /// <summary>The labels made after <paramref name="since"/> (all of them when null), e.g. since the model was trained.</summary>
    public async Task<DeskLabelCount> CountSinceAsync(DateTime? since, CancellationToken ct)
    {
        var labels = db.DeskLabels.AsNoTracking();
        if (since is { } after)
            labels = labels.Where(l => l.LabelledAt > after);
        var byClass = await labels.GroupBy(l => l.CheckWorthy).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int yes = byClass.Where(c => c.Key).Sum(c => c.Count), no = byClass.Where(c => !c.Key).Sum(c => c.Count);
        return new DeskLabelCount(yes + no, yes, no);
    }

    /// <summary>Every label as a labelled sentence, oldest first, streamed.</summary>
    public async IAsyncEnumerable<LabelledSentence> SentencesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.DeskLabels.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.Text, l.CheckWorthy });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return new LabelledSentence(SentenceId(row.Id), row.Text, row.CheckWorthy);
    }

    /// <summary>Every label in the training data's TSV format, streamed to <paramref name="writer"/>.</summary>
    public Task ExportAsync(TextWriter writer, CancellationToken ct) => CheckWorthinessData.WriteAsync(writer, SentencesAsync(ct), ct);
}
