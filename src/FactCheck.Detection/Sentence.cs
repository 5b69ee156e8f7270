namespace FactCheck.Detection;

/// <summary>A sentence of an article: its span, its paragraph, and whether it stands inside a quotation.</summary>
public sealed record Sentence(int Start, int End, int Paragraph, bool Quoted)
{
    public string TextOf(string article) => article[Start..End];
}
