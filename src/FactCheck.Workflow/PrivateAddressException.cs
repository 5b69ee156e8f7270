namespace FactCheck.Workflow;

/// <summary>A link or webhook led to an address inside a private network.</summary>
public sealed class PrivateAddressException(string message) : IOException(message);
