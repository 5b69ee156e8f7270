namespace FactCheck.Web.Auth;

public static class Roles
{
    public const string Reviewer = "Reviewer";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Reviewer, Editor, Admin];
}

/// <summary>Authorization policies by what a user does in the newsroom.</summary>
public static class Policies
{
    public const string Review = "review";
    public const string Edit = "edit";
    public const string Administer = "administer";
}
