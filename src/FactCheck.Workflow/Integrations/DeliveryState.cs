namespace FactCheck.Workflow.Integrations;

public enum DeliveryState
{
    /// <summary>Not yet accepted by the endpoint; an attempt is due or scheduled.</summary>
    Pending,
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,
    /// <summary>Every scheduled attempt failed; an admin may deliver it again.</summary>
    Failed,
}
