namespace FactCheck.Workflow.Messaging;

/// <summary>Settings under <c>FactCheck:Bus</c>; the broker address is <c>ConnectionStrings:RabbitMq</c>.</summary>
public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public string RabbitMq { get; set; } = "amqp://localhost:5672/";

    /// <summary>Messages handled at once per receive endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Immediate retries (with exponential back-off, up to 5 s) of a failed message.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>
    /// After the immediate retries, the message is redelivered later at these intervals before it
    /// goes to its error queue. Needs a delayed-delivery transport: always on in memory; on RabbitMQ
    /// only with <see cref="RabbitMqDelayedExchange"/> (the rabbitmq_delayed_message_exchange plugin).
    /// </summary>
    /// <remarks>Null means the defaults (30 s, 2 min, 10 min); configuration binding would append to a non-empty default array.</remarks>
    public TimeSpan[]? RedeliveryIntervals { get; set; }

    public bool Redelivery { get; set; } = true;

    /// <summary>The broker has the delayed message exchange plugin, so delayed redelivery can be used.</summary>
    public bool RabbitMqDelayedExchange { get; set; }

    public TimeSpan[] EffectiveRedeliveryIntervals =>
        RedeliveryIntervals is { Length: > 0 } configured ? configured : [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    public bool DelayedRedelivery => Redelivery && (Transport == BusTransport.InMemory || RabbitMqDelayedExchange);
}
