namespace FactCheck.Web.Ui;

/// <summary>What a page's action came to: its value, or why it was refused, in words for the user.</summary>
public readonly record struct UiResult<T>(T? Value, string? Error)
{
    public bool Ok => Error is null;
}
