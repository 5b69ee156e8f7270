using System.Text.Json;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Labels;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.References;
using FactCheck.Workflow.Sources;
using FactCheck.Workflow.Verdicts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Persistence;

public sealed class FactCheckDbContext(DbContextOptions<FactCheckDbContext> options, TimeProvider? time = null, WorkflowMetrics? metrics = null)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimEvent> ClaimEvents => Set<ClaimEvent>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Verdict> Verdicts => Set<Verdict>();
    public DbSet<ReviewerProfile> Reviewers => Set<ReviewerProfile>();
    public DbSet<DeskLabel> DeskLabels => Set<DeskLabel>();
    public DbSet<ReferenceClaim> ReferenceClaims => Set<ReferenceClaim>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>The web hosts' Data Protection key ring (sign-in cookies, bearer and refresh tokens), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Queues a message for the bus in the same transaction as the current changes.</summary>
    public void Publish(object message)
    {
        var type = message.GetType();
        Outbox.Add(new OutboxMessage(Guid.NewGuid(), MessageTypes.NameOf(type), JsonSerializer.Serialize(message, type, MessageTypes.Json), _time.GetUtcNow().UtcDateTime));
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var sent = PrepareSave();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Measure(sent);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var sent = PrepareSave();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Measure(sent);
        return saved;
    }

    /// <summary>What every save does first, sync or async; returns the messages it queued, measured once committed.</summary>
    private List<(object Source, object Message)> PrepareSave()
    {
        RefuseUnstorableText();
        var sent = CollectOutgoingMessages();
        BumpClaimVersions();
        return sent;
    }

    /// <summary>
    /// Every text field, whatever wrote it, meets <see cref="StoredText"/> before anything is written:
    /// PostgreSQL would fail the whole save on a NUL, and SQLite would keep it.
    /// </summary>
    private void RefuseUnstorableText()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && (entry.State == EntityState.Added || property.IsModified) && StoredText.Problem(text) is { } problem)
                    throw new WorkflowException(WorkflowError.Invalid, $"{entry.Metadata.ClrType.Name} {property.Metadata.Name} contains {problem}. Nothing was saved.");
            }
        }
    }

    private List<(object Source, object Message)> CollectOutgoingMessages()
    {
        var sent = new List<(object, object)>();
        var raisers = ChangeTracker.Entries<IHasOutgoingMessages>().Select(e => e.Entity).ToList();
        foreach (var entity in raisers)
        {
            foreach (var message in entity.OutgoingMessages)
            {
                Publish(message);
                sent.Add((entity, message));
            }

            entity.ClearOutgoingMessages();
        }

        return sent;
    }

    /// <summary>Only once the change is committed does it count.</summary>
    private void Measure(List<(object Source, object Message)> sent)
    {
        if (metrics is null)
            return;
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var (source, message) in sent)
        {
            if (source is Claim claim)
                metrics.Saved(claim, message, now);
        }
    }

    private void BumpClaimVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Claim>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version++;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each entity's configuration sits beside it in its feature folder.
        builder.ApplyConfigurationsFromAssembly(typeof(FactCheckDbContext).Assembly);
    }
}
