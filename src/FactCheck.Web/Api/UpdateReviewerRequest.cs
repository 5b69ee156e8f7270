namespace FactCheck.Web.Api;

public sealed record UpdateReviewerRequest(IReadOnlyList<string>? Beats, IReadOnlyList<string>? Languages, int? Capacity, bool? IsAvailable);
