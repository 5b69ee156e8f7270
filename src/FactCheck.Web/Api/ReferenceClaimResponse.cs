using FactCheck.Workflow.References;

namespace FactCheck.Web.Api;

public sealed record ReferenceClaimResponse(Guid Id, string Key, string Text, string? Title, string? Rating, string? Url, string? Publisher, DateTime? ReviewedAt, DateTime ImportedAt)
{
    public static ReferenceClaimResponse From(ReferenceClaim r) => new(r.Id, r.Key, r.Text, r.Title, r.Rating, r.Url, r.Publisher, r.ReviewedAt, r.ImportedAt);
}
