using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Claims;

public static class ClaimQueries
{
    /// <summary>Claims with their evidence: sources and verdicts, each collection its own query.</summary>
    public static IQueryable<Claim> WithSourcesAndVerdicts(this IQueryable<Claim> claims) =>
        claims.Include(c => c.Sources).Include(c => c.Verdicts).AsSplitQuery();
}
