namespace FactCheck.Contracts;

/// <summary>A field as it appears in the message JSON.</summary>
public sealed record ContractField(string Name, string JsonType, bool Nullable);
