namespace FactCheck.Workflow.Integrations;

/// <summary>
/// One event for one subscription: the exact body that is signed and sent (so every retry sends the
/// same bytes) and the log of every attempt.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    /// <summary>The event's message id: the same for every subscription, so a receiver can drop a repeat.</summary>
    public Guid EventId { get; private set; }
    public string Event { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DeliveryState State { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    /// <summary>Set while an attempt is in flight, so two job runs never send the same delivery at once.</summary>
    public DateTime? LockedUntil { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    private readonly List<WebhookAttempt> _attempts = [];

    public IReadOnlyList<WebhookAttempt> Attempts => _attempts.AsReadOnly();

    private WebhookDelivery() { }

    public WebhookDelivery(Guid subscriptionId, Guid eventId, string eventName, string payload, DateTime now)
    {
        Id = Guid.CreateVersion7();
        SubscriptionId = subscriptionId;
        EventId = eventId;
        Event = eventName;
        Payload = payload;
        CreatedAt = now;
        State = DeliveryState.Pending;
        NextAttemptAt = now;
    }

    public int AttemptCount => Attempts.Count;

    /// <summary>Records an attempt; on failure schedules the next after <paramref name="retryIn"/>, or gives up when it is null.</summary>
    public void Record(WebhookAttempt attempt, TimeSpan? retryIn)
    {
        _attempts.Add(attempt);
        LockedUntil = null;
        if (attempt.Succeeded)
        {
            State = DeliveryState.Delivered;
            DeliveredAt = attempt.At;
        }
        else if (retryIn is { } delay)
        {
            NextAttemptAt = attempt.At + delay;
        }
        else
        {
            State = DeliveryState.Failed;
        }
    }

    /// <summary>An admin asks for another try (after the endpoint was fixed); the log is kept.</summary>
    public void Redeliver(DateTime now)
    {
        if (State == DeliveryState.Delivered)
            throw new WorkflowException(WorkflowError.Conflict, "This delivery was accepted by the endpoint; it is not sent again.");
        if (LockedUntil > now)
            throw new WorkflowException(WorkflowError.Conflict, "An attempt at this delivery is under way; wait for its outcome.");
        State = DeliveryState.Pending;
        NextAttemptAt = now;
        LockedUntil = null;
    }
}
