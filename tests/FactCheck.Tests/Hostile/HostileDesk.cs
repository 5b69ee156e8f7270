using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Hostile;

/// <summary>The embedded desk on Kestrel, with a low claim cap so a modest article can exceed it.</summary>
public sealed class HostileDesk() : EmbeddedDesk(onKestrel: true, new Dictionary<string, string?> { ["FactCheck:Workflow:MaxClaimsPerArticle"] = "20" })
{
    public const int MaxClaims = 20;
}
