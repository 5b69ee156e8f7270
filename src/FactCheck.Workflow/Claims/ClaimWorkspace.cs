using FactCheck.Workflow.Articles;

namespace FactCheck.Workflow.Claims;

/// <summary>The reviewer's workspace: the claim in its article and the last move back to them (a return or a correction), if any.</summary>
public sealed record ClaimWorkspace(Claim Claim, Article Article, ClaimEvent? LastReturn);
