namespace FactCheck.Workflow.Messaging;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Settings under <c>FactCheck:Bus</c>; the broker address is <c>ConnectionStrings:RabbitMq</c>.</summary>
public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public string RabbitMq { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Messages handled at once per receive endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Immediate retries (with exponential back-off) before a message goes to its error queue.</summary>
    public int RetryLimit { get; set; } = 5;
}
