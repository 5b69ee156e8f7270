namespace FactCheck.Detection;

/// <summary>
/// One independent assertion of a sentence: its exact UTF-16 span in the article (without the joining
/// comma or conjunction) and its statement, which stands on its own (context from its sentence added).
/// </summary>
public sealed record ClaimPart(int Start, int End, string Statement);
