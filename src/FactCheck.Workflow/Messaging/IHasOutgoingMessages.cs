namespace FactCheck.Workflow.Messaging;

/// <summary>
/// An entity that raises integration events as it changes. The DbContext moves them into the
/// outbox in the same SaveChanges as the change itself.
/// </summary>
public interface IHasOutgoingMessages
{
    IReadOnlyList<object> OutgoingMessages { get; }

    void ClearOutgoingMessages();
}
