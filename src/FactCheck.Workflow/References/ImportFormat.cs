namespace FactCheck.Workflow.References;

/// <summary>The formats a reference collection is imported from.</summary>
public enum ImportFormat
{
    /// <summary>schema.org ClaimReview JSON-LD: one object, a list, an <c>@graph</c>, or an HTML page with <c>application/ld+json</c> scripts.</summary>
    ClaimReview,
    /// <summary>Tab-separated with a header naming <c>id</c>, <c>claim</c>, <c>title</c>, <c>rating</c>, <c>url</c> (any order; <c>claim</c> required).</summary>
    Tsv,
}
