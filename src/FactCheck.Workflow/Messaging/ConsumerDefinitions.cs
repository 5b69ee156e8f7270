using FactCheck.Workflow.Assignment;
using MassTransit;

namespace FactCheck.Workflow.Messaging;

/// <summary>One assignment at a time per instance, so two claims are not placed against the same stale load figures.</summary>
public sealed class AssignClaimConsumerDefinition : ConsumerDefinition<AssignClaimConsumer>
{
    public AssignClaimConsumerDefinition() => ConcurrentMessageLimit = 1;
}
