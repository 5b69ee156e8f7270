namespace FactCheck.Web.Ui;

public static class UiResult
{
    public static UiResult<T> Done<T>(T value) => new(value, null);

    public static UiResult<T> Refused<T>(string error) => new(default, error);
}
