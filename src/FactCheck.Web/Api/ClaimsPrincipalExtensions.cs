using System.Security.Claims;
using FactCheck.Web.Auth;
using FactCheck.Workflow;
using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

/// <summary>The signed-in user as the API and the pages act for them.</summary>
internal static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new WorkflowException(WorkflowError.Forbidden, "You are not signed in.");

    /// <summary>The user as the claim desk sees them.</summary>
    public static Actor Actor(this ClaimsPrincipal user, int? expectedVersion = null) =>
        new(user.UserId(), expectedVersion, user.IsEditor());

    /// <summary>An editor's or an admin's role: they run the desk and may act on claims they do not hold.</summary>
    public static bool IsEditor(this ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);
}
