namespace FactCheck.Web.Auth;

public static class Roles
{
    public const string Reviewer = "Reviewer";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Reviewer, Editor, Admin];
}
