using FactCheck.Workflow.Assignment;

namespace FactCheck.Web.Api;

public sealed record ReviewerResponse(string UserId, string DisplayName, IReadOnlyList<string> Beats, IReadOnlyList<string> Languages, int Capacity, bool IsAvailable)
{
    public static ReviewerResponse From(ReviewerProfile p) => new(p.UserId, p.DisplayName, p.Beats, p.Languages, p.Capacity, p.IsAvailable);
}
