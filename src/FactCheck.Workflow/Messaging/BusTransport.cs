namespace FactCheck.Workflow.Messaging;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}
