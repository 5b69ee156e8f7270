using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Claims;

/// <summary>What a claim query loads with the claim.</summary>
public static class ClaimIncludes
{
    /// <summary>Claims with their evidence: sources and verdicts, each collection its own query.</summary>
    public static IQueryable<Claim> WithSourcesAndVerdicts(this IQueryable<Claim> claims) =>
        claims.Include(c => c.Sources).Include(c => c.Verdicts).AsSplitQuery();
}
