namespace FactCheck.Workflow.References;

/// <summary>What is wrong with an import file, and where: a line (TSV, JSON) or an item of a list, and the field.</summary>
public sealed record ImportProblem(int? Line, int? Item, string? Field, string Message)
{
    public override string ToString() =>
        string.Join(", ", new[] { Line is { } l ? $"line {l}" : null, Item is { } i ? $"item {i}" : null, Field is { } f ? $"field '{f}'" : null }.Where(x => x is not null))
        is { Length: > 0 } where ? $"{where}: {Message}" : Message;
}
