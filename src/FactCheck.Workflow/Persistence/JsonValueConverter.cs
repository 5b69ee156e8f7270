using System.Text.Json;
using FactCheck.Workflow.Messaging;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FactCheck.Workflow.Persistence;

/// <summary>Stores a value as JSON text, serialized as messages are.</summary>
internal sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    v => JsonSerializer.Serialize(v, MessageTypes.Json),
    v => JsonSerializer.Deserialize<T>(v, MessageTypes.Json)!);
