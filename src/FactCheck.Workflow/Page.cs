namespace FactCheck.Workflow;

/// <summary>One page of a longer list, with the count of the whole list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Number, int Size);
