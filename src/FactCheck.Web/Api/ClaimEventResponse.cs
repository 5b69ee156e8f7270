using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

public sealed record ClaimEventResponse(ClaimEventKind Kind, string? From, string? To, string? Actor, string? Reason, DateTime OccurredAt)
{
    public static ClaimEventResponse Of(ClaimEvent e) => new(e.Kind, e.From, e.To, e.Actor, e.Reason, e.OccurredAt);
}
