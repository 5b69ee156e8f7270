using FactCheck.Workflow.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Integrations;

/// <summary>What an admin does with webhooks, from the API or the admin page; every change is one SaveChanges, and a delivery's job is queued only after it is saved.</summary>
public sealed class WebhookAdmin(FactCheckDbContext db, IBackgroundJobClient jobs, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const int DefaultDeliveriesListed = 50;
    public const int MaxDeliveriesListed = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<List<WebhookResponse>> ListAsync(CancellationToken ct) => ResponsesAsync(null, ct);

    /// <summary>Every subscription, or only <paramref name="id"/>, with its delivery counts.</summary>
    private async Task<List<WebhookResponse>> ResponsesAsync(Guid? id, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => id == null || s.Id == id).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var counts = await db.WebhookDeliveries
            .Where(d => id == null || d.SubscriptionId == id)
            .GroupBy(d => new { d.SubscriptionId, d.State })
            .Select(g => new { g.Key.SubscriptionId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        int Count(Guid subscription, DeliveryState state) => counts.FirstOrDefault(c => c.SubscriptionId == subscription && c.State == state)?.Count ?? 0;
        return [.. subscriptions.Select(s => Response(s, Count(s.Id, DeliveryState.Pending), Count(s.Id, DeliveryState.Delivered), Count(s.Id, DeliveryState.Failed)))];
    }

    public async Task<WebhookWithSecret> CreateAsync(CreateWebhookRequest request, string createdBy, CancellationToken ct)
    {
        var (subscription, secret) = WebhookSubscription.Create(
            request.Name, request.Url, request.Events, request.Secret, options.Value.AllowPrivateNetworks, createdBy, Now);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecret(Response(subscription), secret);
    }

    public async Task<WebhookResponse> UpdateAsync(Guid id, UpdateWebhookRequest request, CancellationToken ct)
    {
        var subscription = await FindAsync(id, ct);
        subscription.Change(request.Name, request.Url, request.Events, options.Value.AllowPrivateNetworks, Now);
        await db.SaveChangesAsync(ct);
        return request.Active is { } active ? await SetActiveAsync(id, active, ct) : await ResponseAsync(id, ct);
    }

    /// <summary>Pauses (deliveries are collected, not sent) or resumes (what was collected goes out now).</summary>
    public async Task<WebhookResponse> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var subscription = await FindAsync(id, ct);
        var resumed = active && !subscription.Active;
        subscription.SetActive(active, Now);
        await db.SaveChangesAsync(ct);
        if (resumed)
        {
            var held = await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.State == DeliveryState.Pending).Select(d => d.Id).ToListAsync(ct);
            foreach (var deliveryId in held)
                jobs.Enqueue<WebhookSender>(s => s.DeliverAsync(deliveryId, CancellationToken.None));
        }

        return await ResponseAsync(id, ct);
    }

    public async Task<WebhookWithSecret> RotateSecretAsync(Guid id, string? secret, CancellationToken ct)
    {
        var subscription = await FindAsync(id, ct);
        var newSecret = subscription.RotateSecret(secret, Now);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecret(await ResponseAsync(id, ct), newSecret);
    }

    /// <summary>Removes the subscription with its delivery log; deliveries not yet sent are dropped.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        db.WebhookSubscriptions.Remove(await FindAsync(id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends a <c>ping</c> event now (also to a paused subscription), so an integrator can try the endpoint and the signature.</summary>
    public async Task<WebhookDeliveryResponse> PingAsync(Guid id, CancellationToken ct)
    {
        var subscription = await FindAsync(id, ct);
        var eventId = Guid.CreateVersion7();
        var payload = WebhookPayload.Serialize(eventId, WebhookSubscription.PingEvent, 1, Now,
            new { subscriptionId = subscription.Id, subscription.Name, subscription.Events });
        var delivery = new WebhookDelivery(subscription.Id, eventId, WebhookSubscription.PingEvent, payload, Now);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<WebhookSender>(s => s.DeliverAsync(delivery.Id, CancellationToken.None));
        return WebhookDeliveryResponse.From(delivery);
    }

    /// <summary>The newest deliveries first, <see cref="DefaultDeliveriesListed"/> unless <paramref name="take"/> says otherwise.</summary>
    public async Task<List<WebhookDeliveryResponse>> DeliveriesAsync(Guid id, DeliveryState? state, int? take, CancellationToken ct)
    {
        var count = take ?? DefaultDeliveriesListed;
        if (count is < 1 or > MaxDeliveriesListed)
            throw new WorkflowException(WorkflowError.Invalid, $"take must be between 1 and {MaxDeliveriesListed}.");
        await FindAsync(id, ct);
        var query = db.WebhookDeliveries.AsNoTracking().Include(d => d.Attempts).Where(d => d.SubscriptionId == id);
        if (state is { } only)
            query = query.Where(d => d.State == only);
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(count).ToListAsync(ct);
        return [.. deliveries.Select(WebhookDeliveryResponse.From)];
    }

    /// <summary>Tries a pending or failed delivery again now; its attempt log is kept.</summary>
    public async Task<WebhookDeliveryResponse> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.Include(d => d.Attempts).FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct)
            ?? throw WorkflowException.NotFound("Webhook delivery", deliveryId);
        delivery.Redeliver(Now);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<WebhookSender>(s => s.DeliverAsync(delivery.Id, CancellationToken.None));
        return WebhookDeliveryResponse.From(delivery);
    }

    private async Task<WebhookResponse> ResponseAsync(Guid id, CancellationToken ct) => (await ResponsesAsync(id, ct)).Single();

    private async Task<WebhookSubscription> FindAsync(Guid id, CancellationToken ct) =>
        await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw WorkflowException.NotFound("Webhook", id);

    private static WebhookResponse Response(WebhookSubscription s, int pending = 0, int delivered = 0, int failed = 0) => new(
        s.Id, s.Name, s.Url, s.Events, s.Active, s.SecretHint, s.CreatedBy, s.CreatedAt, s.UpdatedAt, pending, delivered, failed);
}
