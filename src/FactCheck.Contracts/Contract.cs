namespace FactCheck.Contracts;

/// <summary>A public message: its type, which way it flows, what it means, and an example.</summary>
public sealed record Contract(Type Type, ContractDirection Direction, string Summary, object Example)
{
    public WireNameAttribute Wire => WireNameAttribute.Of(Type) ?? throw new InvalidOperationException($"{Type.Name} has no [WireName].");

    /// <summary>
    /// The envelope's <c>messageType</c>, as MassTransit derives it from the type's namespace and name;
    /// pinned by the published-contracts test, so renaming a contract type cannot slip through.
    /// </summary>
    public string MessageType => $"urn:message:{Type.Namespace}:{Type.Name}";
}
