using FactCheck.Contracts;
using MassTransit;

namespace FactCheck.Workflow.Integrations;

/// <summary>The events webhooks carry: every outgoing contract.</summary>
public static class WebhookFanOut
{
    public const string EndpointName = "webhooks";

    public static IEnumerable<Type> EventTypes => ContractCatalog.All.Where(c => c.Direction == ContractDirection.Out).Select(c => c.Type);

    /// <summary>Adds one consumer per event type, all on the <c>webhooks</c> queue.</summary>
    public static void AddWebhookFanOut(this IBusRegistrationConfigurator bus)
    {
        foreach (var type in EventTypes)
            bus.AddConsumer(typeof(WebhookFanOutConsumer<>).MakeGenericType(type), typeof(WebhookFanOutDefinition<>).MakeGenericType(type));
    }
}
