using FactCheck.Detection;

namespace FactCheck.Workflow.Claims;

/// <summary>How urgent a freshly extracted claim is: stronger, more concrete claims first.</summary>
public static class Triage
{
    public static int PriorityOf(DetectedClaim claim)
    {
        var priority = (int)Math.Round(claim.Score * 60);
        if (claim.Quantities.Count > 0)
            priority += 20;
        if (claim.Speaker is not null)
            priority += 10;
        return Math.Clamp(priority, 0, 100);
    }
}
