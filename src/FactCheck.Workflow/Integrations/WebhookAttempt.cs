namespace FactCheck.Workflow.Integrations;

/// <summary>One POST of a delivery and what came of it.</summary>
public sealed class WebhookAttempt
{
    public const int MaxErrorLength = 1000;

    public long Id { get; private set; }
    public Guid DeliveryId { get; private set; }
    public int Number { get; private set; }
    public DateTime At { get; private set; }
    public int? StatusCode { get; private set; }
    /// <summary>Why it failed (network error, timeout, or the start of the endpoint's answer).</summary>
    public string? Error { get; private set; }
    public int DurationMs { get; private set; }

    private WebhookAttempt() { }

    public WebhookAttempt(int number, DateTime at, int? statusCode, string? error, TimeSpan duration)
    {
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
        DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds);
    }

    public bool Succeeded => StatusCode is >= 200 and < 300;
}
