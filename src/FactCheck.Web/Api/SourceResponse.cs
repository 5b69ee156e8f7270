using FactCheck.Workflow.Sources;

namespace FactCheck.Web.Api;

public sealed record SourceResponse(
    Guid Id,
    string Url,
    string? Title,
    string? Publisher,
    string? Excerpt,
    SourceStance Stance,
    string? AddedBy,
    DateTime AddedAt,
    LinkStatus LinkStatus,
    int? HttpStatus,
    string? ContentHash,
    DateTime? CheckedAt)
{
    public static SourceResponse From(Source s) => new(
        s.Id, s.Url, s.Title, s.Publisher, s.Excerpt, s.Stance, s.AddedBy, s.AddedAt, s.LinkStatus, s.HttpStatus, s.ContentHash, s.CheckedAt);
}
