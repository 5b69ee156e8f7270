namespace FactCheck.Tests.Infrastructure;

/// <summary>One POST as the receiver saw it: raw body bytes and headers, and what it answered.</summary>
public sealed record ReceivedWebhook(int Number, DateTime At, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
