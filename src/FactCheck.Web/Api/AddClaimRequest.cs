using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

/// <summary>A span of the article by <c>start</c> and <c>end</c> offsets, or by a <c>quote</c> found in it; an optional statement.</summary>
public sealed record AddClaimRequest(int? Start, int? End, string? Quote, string? Statement)
{
    public NewClaim ToNewClaim() => new(Start, End, Quote, Statement);
}
