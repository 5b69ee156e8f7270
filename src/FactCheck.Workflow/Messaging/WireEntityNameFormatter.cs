using FactCheck.Contracts;
using MassTransit;

namespace FactCheck.Workflow.Messaging;

/// <summary>Names each contract's exchange by its <see cref="WireNameAttribute"/>, so integrators see stable names.</summary>
public sealed class WireEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public string FormatEntityName<T>() => WireNameAttribute.Of(typeof(T))?.EntityName ?? fallback.FormatEntityName<T>();
}
