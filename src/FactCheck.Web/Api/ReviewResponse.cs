using FactCheck.Workflow.Verdicts;

namespace FactCheck.Web.Api;

public sealed record ReviewResponse(ReviewDecision Decision, string EditorId, string? Comment, DateTime ReviewedAt);
