using System.Globalization;
using FactCheck.Workflow;
using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

internal static class HttpRequestExtensions
{
    /// <summary>The acting user with the claim version from <c>If-Match</c> (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>), if sent.</summary>
    public static Actor Actor(this HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        int? version = null;
        if (!string.IsNullOrWhiteSpace(header) && header != "*")
        {
            var raw = header.Trim();
            if (raw.StartsWith("W/", StringComparison.Ordinal))
                raw = raw[2..];
            if (!int.TryParse(raw.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                throw new WorkflowException(WorkflowError.Invalid, $"If-Match must carry the claim's version from its ETag, e.g. \"3\"; got {header}.");
            version = parsed;
        }

        return context.User.Actor(version);
    }

    public static string ETag(int version) => $"\"{version}\"";
}
