using System.Text.Json;
using FactCheck.Contracts;

namespace FactCheck.Workflow.Messaging;

/// <summary>The contract types by wire name, for storing messages in the outbox and reading them back.</summary>
public static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> ByName = typeof(SubmitArticle).Assembly
        .GetTypes()
        .Select(t => (Type: t, Wire: WireNameAttribute.Of(t)))
        .Where(x => x.Wire is not null)
        .ToDictionary(x => x.Wire!.EntityName, x => x.Type);

    public static IEnumerable<Type> All => ByName.Values;

    public static string NameOf(Type type) =>
        WireNameAttribute.Of(type)?.EntityName ?? throw new InvalidOperationException($"{type.Name} has no [WireName]; only contracts go through the outbox.");

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown message type '{name}' in the outbox.");
}
