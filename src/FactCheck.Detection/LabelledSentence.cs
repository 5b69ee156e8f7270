namespace FactCheck.Detection;

/// <summary>A sentence labelled check-worthy (<c>Yes</c>) or not (<c>No</c>).</summary>
public sealed record LabelledSentence(string Id, string Text, bool CheckWorthy);
