using MassTransit;

namespace FactCheck.Workflow.Integrations;

public sealed class WebhookFanOutDefinition<TEvent> : ConsumerDefinition<WebhookFanOutConsumer<TEvent>>
    where TEvent : class
{
    public WebhookFanOutDefinition() => EndpointName = WebhookFanOut.EndpointName;
}
