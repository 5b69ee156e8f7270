using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

public sealed record RelatedClaimResponse(Guid Id, string Statement, ClaimStatus Status)
{
    public static RelatedClaimResponse From(RelatedClaim c) => new(c.Id, c.Statement, c.Status);
}
