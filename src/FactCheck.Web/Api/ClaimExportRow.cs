using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

/// <summary>One claim with its article and current verdict, as exported.</summary>
public sealed record ClaimExportRow(
    Guid ClaimId,
    Guid ArticleId,
    string ArticleTitle,
    string? ArticleUrl,
    string Text,
    string? Speaker,
    ClaimStatus Status,
    int Priority,
    DateTime DueAt,
    bool IsOverdue,
    string? AssigneeId,
    double Score,
    string? Rating,
    string? Rationale,
    string? ReviewDecision,
    DateTime? ReviewedAt,
    string? PublicUrl);
