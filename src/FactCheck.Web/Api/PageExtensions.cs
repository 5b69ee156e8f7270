using FactCheck.Workflow;

namespace FactCheck.Web.Api;

internal static class PageExtensions
{
    /// <summary>A feature query's page as the API answers it.</summary>
    public static ResultPage<T> ToResultPage<TItem, T>(this Page<TItem> page, Func<TItem, T> map) =>
        new([.. page.Items.Select(map)], page.Total, page.Number, page.Size);
}
