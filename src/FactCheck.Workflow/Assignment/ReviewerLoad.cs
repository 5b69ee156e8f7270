namespace FactCheck.Workflow.Assignment;

/// <summary>A reviewer as the policy sees them: their profile and how many claims they hold now.</summary>
public sealed record ReviewerLoad(ReviewerProfile Profile, int ActiveClaims)
{
    public bool HasRoom => ActiveClaims < Profile.Capacity;
}
