namespace FactCheck.Benchmarks;

/// <summary>The baseline's message: nothing in it, so what is measured is the bus alone.</summary>
public sealed record EmptyMessage;
