using FactCheck.Workflow.Assignment;

namespace FactCheck.Web.Auth;

/// <summary>A newsroom member as the admin pages list them.</summary>
public sealed record StaffMember(string UserId, string Email, IReadOnlyList<string> Roles, ReviewerProfile? Profile)
{
    public string Name => Profile?.DisplayName ?? Email;
}
