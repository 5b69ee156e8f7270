namespace FactCheck.Web.Api;

/// <summary>An import's outcome: verified claims added, updated (same URL or id as before), and the collection's size now.</summary>
public sealed record ReferenceImportResponse(int Added, int Updated, int Total);
