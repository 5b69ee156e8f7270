namespace FactCheck.Workflow.Articles;

/// <summary>An article as a filter offers it.</summary>
public sealed record ArticleChoice(Guid Id, string Title);
