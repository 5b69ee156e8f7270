namespace FactCheck.Workflow.Claims;

/// <summary>
/// Who acts on a claim: the user, the claim version they last saw (null: whatever is current), and
/// whether their role lets them act on claims they do not hold (an editor or an admin).
/// </summary>
public sealed record Actor(string UserId, int? ExpectedVersion = null, bool IsEditor = false);
