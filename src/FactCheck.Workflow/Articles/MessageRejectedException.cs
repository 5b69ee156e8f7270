namespace FactCheck.Workflow.Articles;

/// <summary>A message that can never succeed: it skips retries and goes to the error queue with this reason.</summary>
public sealed class MessageRejectedException(string reason) : Exception(reason);
