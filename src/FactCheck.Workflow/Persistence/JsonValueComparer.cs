using System.Text.Json;
using FactCheck.Workflow.Messaging;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FactCheck.Workflow.Persistence;

/// <summary>Compares and snapshots a JSON-stored value by its JSON, so changes inside a list are saved.</summary>
internal sealed class JsonValueComparer<T>() : ValueComparer<T>(
    (a, b) => JsonSerializer.Serialize(a, MessageTypes.Json) == JsonSerializer.Serialize(b, MessageTypes.Json),
    v => JsonSerializer.Serialize(v, MessageTypes.Json).GetHashCode(StringComparison.Ordinal),
    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, MessageTypes.Json), MessageTypes.Json)!);
