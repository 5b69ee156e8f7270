using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FactCheck.Contracts;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Articles;

/// <summary>
/// Accepts articles from the REST API and the submit page alike: the submission is validated and
/// queued in the outbox for <see cref="SubmitArticleConsumer"/>, the path other systems take over the
/// bus. A submission sent again with the same idempotency key gets the first one's answer and
/// creates nothing new.
/// </summary>
public sealed class ArticleDesk(FactCheckDbContext db, OutboxSignal outbox, TimeProvider time)
{
    /// <param name="idempotencyKey">The sender's key for this submission (null: none); unique per submitting user.</param>
    public async Task<ArticleSubmissionOutcome> SubmitAsync(SubmitArticle command, string? idempotencyKey, CancellationToken ct)
    {
        var userId = command.SubmittedBy ?? throw new ArgumentException("A submission from a user names them.", nameof(command));
        var errors = ArticleSubmission.Validate(command);
        if (errors.Count > 0)
            return ArticleSubmissionOutcome.Invalid(errors);
        if (idempotencyKey is { Length: > IdempotencyRecord.MaxKeyLength })
            throw new WorkflowException(WorkflowError.Invalid, $"An Idempotency-Key may have at most {IdempotencyRecord.MaxKeyLength} characters.");

        var requestHash = idempotencyKey is null ? "" : Fingerprint(command);
        if (idempotencyKey is not null && await FindPreviousAsync(idempotencyKey, userId, ct) is { } previous)
            return Replay(previous, requestHash);

        db.Publish(command);
        if (idempotencyKey is not null)
            db.IdempotencyRecords.Add(new IdempotencyRecord(idempotencyKey, userId, requestHash, command.ArticleId, time.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (idempotencyKey is not null && Database.IsUniqueViolation(ex))
        {
            // The same key raced in twice: the first one's answer is the answer.
            db.ChangeTracker.Clear();
            return Replay((await FindPreviousAsync(idempotencyKey, userId, ct))!, requestHash);
        }

        outbox.Notify();
        return ArticleSubmissionOutcome.Accepted(command.ArticleId);
    }

    private static ArticleSubmissionOutcome Replay(IdempotencyRecord previous, string requestHash) =>
        previous.RequestHash == requestHash ? ArticleSubmissionOutcome.Accepted(previous.ResourceId) : ArticleSubmissionOutcome.KeyReused;

    private Task<IdempotencyRecord?> FindPreviousAsync(string key, string userId, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.UserId == userId, ct);

    /// <summary>What the sender sent, without the id chosen for this attempt: the same article twice hashes the same.</summary>
    private static string Fingerprint(SubmitArticle command) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command with { ArticleId = Guid.Empty }, MessageTypes.Json))));
}
