using System.Diagnostics;
using System.Text;
using FactCheck.Workflow.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Integrations;

/// <summary>
/// Sends deliveries as Hangfire jobs, so an endpoint that is slow or down never holds up the
/// workflow. Each run makes one attempt and logs it; a failure schedules the next run after the
/// configured delay (Hangfire's delayed jobs), until the delays run out and the delivery is failed.
/// </summary>
public sealed class WebhookSender(
    FactCheckDbContext db,
    IHttpClientFactory http,
    IBackgroundJobClient jobs,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";
    public const string EventHeader = "X-FactCheck-Event";
    public const string DeliveryHeader = "X-FactCheck-Delivery";

    /// <summary>
    /// A delivery whose job was lost (a crash between saving it and queueing the job) is queued again
    /// this long after it was due. Long enough that a merely busy job queue is seldom swept; a job that
    /// runs anyway finds its attempt already made (<see cref="DeliverAsync"/> checks the due time).
    /// </summary>
    public static readonly TimeSpan SweepGrace = TimeSpan.FromMinutes(5);

    /// <summary>Hangfire keeps due times in whole seconds, so a delayed job may start a little early.</summary>
    private static readonly TimeSpan EarlyStart = TimeSpan.FromSeconds(2);

    private const int MaxAnswerChars = 500;

    // Retries are this class's own schedule (configurable, logged); Hangfire must not add its own.
    [AutomaticRetry(Attempts = 0)]
    public async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var now = Now;
        var lockUntil = now + options.Value.Timeout + TimeSpan.FromMinutes(1);
        var dueBy = now + EarlyStart;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.State == DeliveryState.Pending && d.NextAttemptAt <= dueBy && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, lockUntil), cancellationToken);
        if (claimed == 0)
            return; // delivered, failed, removed, not due (a duplicate job), or another run holds it

        var delivery = await db.WebhookDeliveries.Include(d => d.Attempts).FirstAsync(d => d.Id == deliveryId, cancellationToken);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is null || (!subscription.Active && delivery.Event != WebhookSubscription.PingEvent))
        {
            // Paused: the delivery waits; resuming the subscription queues it again.
            await db.WebhookDeliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, (DateTime?)null), CancellationToken.None);
            return;
        }

        var attempt = await AttemptAsync(delivery, subscription, cancellationToken);
        var delays = options.Value.EffectiveRetryDelays;
        TimeSpan? retryIn = !attempt.Succeeded && attempt.Number <= delays.Count ? delays[attempt.Number - 1] : null;
        delivery.Record(attempt, retryIn);
        await db.SaveChangesAsync(CancellationToken.None);

        if (retryIn is { } delay)
        {
            jobs.Schedule<WebhookSender>(s => s.DeliverAsync(deliveryId, CancellationToken.None), delay);
            logger.LogInformation("Webhook delivery {DeliveryId} to {Url} failed ({Error}); attempt {Next} in {Delay}",
                deliveryId, subscription.Url, attempt.Error, attempt.Number + 1, delay);
        }
        else if (!attempt.Succeeded)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} to {Url} failed {Attempts} times and is given up", deliveryId, subscription.Url, attempt.Number);
        }
    }

    /// <summary>Recurring: queues deliveries that are due but have no job (lost in a crash, or held while their subscription was paused).</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var overdue = now - SweepGrace;
        var due = await db.WebhookDeliveries
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt < overdue && (d.LockedUntil == null || d.LockedUntil < now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Active))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return;

        // Moved forward first, so a slow queue is not swept twice.
        await db.WebhookDeliveries.Where(d => due.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        foreach (var id in due)
            jobs.Enqueue<WebhookSender>(s => s.DeliverAsync(id, CancellationToken.None));
    }

    private async Task<WebhookAttempt> AttemptAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var number = delivery.AttemptCount + 1;
        var startedAt = Now;
        var clock = Stopwatch.StartNew();
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventHeader, delivery.Event);
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, body));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            string? error = null;
            if (!response.IsSuccessStatusCode)
            {
                var answer = await ReadStartAsync(response, timeout.Token);
                error = $"{status} {response.ReasonPhrase}{(answer.Length > 0 ? ": " + answer : "")}";
            }

            return new WebhookAttempt(number, startedAt, status, error, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(number, startedAt, null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.", clock.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(number, startedAt, null, ex.InnerException is PrivateAddressException inner ? inner.Message : ex.Message, clock.Elapsed);
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxAnswerChars];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Encoding.UTF8.GetString(buffer, 0, read).Trim();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
