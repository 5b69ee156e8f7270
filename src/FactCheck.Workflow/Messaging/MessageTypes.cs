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

    /// <summary>Each contract's ClaimId, or else ArticleId: the subject whose messages must stay in order.</summary>
    private static readonly Dictionary<Type, System.Reflection.PropertyInfo?> SubjectProperty = ByName.Values.ToDictionary(
        t => t,
        t => new[] { "ClaimId", "ArticleId" }.Select(t.GetProperty).FirstOrDefault(p => p?.PropertyType == typeof(Guid)));

    public static IEnumerable<Type> All => ByName.Values;

    /// <summary>The claim (else the article) a message is about; null for a message about neither.</summary>
    public static Guid? SubjectOf(object message) =>
        SubjectProperty.GetValueOrDefault(message.GetType())?.GetValue(message) as Guid?;

    public static string NameOf(Type type) =>
        WireNameAttribute.Of(type)?.EntityName ?? throw new InvalidOperationException($"{type.Name} has no [WireName]; only contracts go through the outbox.");

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown message type '{name}' in the outbox.");
}
