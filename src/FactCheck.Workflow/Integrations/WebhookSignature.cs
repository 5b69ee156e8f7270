using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Workflow.Integrations;

/// <summary>The signature a receiver checks: HMAC-SHA256 of the raw body with the subscription's secret.</summary>
public static class WebhookSignature
{
    public const string Header = "X-FactCheck-Signature";

    /// <returns><c>sha256=</c> and the lower-case hex digest, as in the header.</returns>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
