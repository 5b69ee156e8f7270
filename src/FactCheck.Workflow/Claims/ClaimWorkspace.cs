using FactCheck.Workflow.Articles;

namespace FactCheck.Workflow.Claims;

/// <summary>
/// The reviewer's workspace: the claim in its article, the last move back to them (a return or a
/// correction), if any, and the claims it is related to.
/// </summary>
public sealed record ClaimWorkspace(Claim Claim, Article Article, ClaimEvent? LastReturn, ClaimRelations Relations);
