using FactCheck.Workflow.Sources;

namespace FactCheck.Web.Api;

public sealed record AttachSourceRequest(string? Url, string? Title, string? Publisher, string? Excerpt, SourceStance? Stance);
