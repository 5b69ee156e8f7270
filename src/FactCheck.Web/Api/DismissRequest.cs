using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

/// <summary>Why a claim is dismissed: a kind (<c>NotCheckWorthy</c> when none is given, <c>Duplicate</c> with <c>duplicateOf</c>) and free text.</summary>
public sealed record DismissRequest(string? Reason, Guid? DuplicateOf, DismissalReason? Kind = null);
