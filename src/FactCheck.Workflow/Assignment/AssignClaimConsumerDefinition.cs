using MassTransit;

namespace FactCheck.Workflow.Assignment;

/// <summary>
/// Queued claims are placed in batches, one batch at a time per instance, so two claims are not
/// placed against the same stale load figures. A claim waits at most <see cref="BatchWindow"/> for company.
/// </summary>
public sealed class AssignClaimConsumerDefinition : ConsumerDefinition<AssignClaimConsumer>
{
    public const int BatchSize = 100;

    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AssignClaimConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(BatchSize).SetTimeLimit(BatchWindow).SetConcurrencyLimit(1));
}
