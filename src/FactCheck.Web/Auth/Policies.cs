namespace FactCheck.Web.Auth;

/// <summary>Authorization policies by what a user does in the newsroom.</summary>
public static class Policies
{
    public const string Review = "review";
    public const string Edit = "edit";
    public const string Administer = "administer";
}
