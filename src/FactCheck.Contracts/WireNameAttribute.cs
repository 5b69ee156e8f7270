namespace FactCheck.Contracts;

/// <summary>
/// The stable name of a message on the wire: the RabbitMQ exchange it is published to. Renaming a
/// C# type must never change it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WireNameAttribute(string name, int version) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;

    /// <summary>The exchange name, e.g. <c>factcheck.submit-article.v1</c>.</summary>
    public string EntityName => $"factcheck.{Name}.v{Version}";

    public static WireNameAttribute? Of(Type messageType) =>
        (WireNameAttribute?)GetCustomAttribute(messageType, typeof(WireNameAttribute));
}
