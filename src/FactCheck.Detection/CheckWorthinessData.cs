using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Reads and writes the check-worthiness data format: a header, then <c>Sentence_id\tText\tclass_label</c>
/// rows (LF or CRLF). Copes with the published train.tsv defect where two records share one line
/// (<c>...\tNo29286\tYou can't bring back jobs.\tNo</c>).
/// </summary>
public static partial class CheckWorthinessData
{
    public const string Header = "Sentence_id\tText\tclass_label";

    [GeneratedRegex(@"(?<id>[^\t\r\n]+?)\t(?<text>[^\t\r\n]*)\t(?<label>Yes|No)(?=\r?\n|\r?$|[^\t\r\n]+?\t)", RegexOptions.CultureInvariant)]
    private static partial Regex Record();

    /// <summary>Line and field breaks, with the spaces around them: a field of a row holds none.</summary>
    [GeneratedRegex(@"\s*[\t\r\n\v\f\u0085\u2028\u2029]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Break();

    public static List<LabelledSentence> Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = content.TrimStart('\uFEFF');
        var body = content.StartsWith("Sentence_id", StringComparison.Ordinal) ? content[(content.IndexOf('\n', StringComparison.Ordinal) + 1)..] : content;
        return [.. Record().Matches(body).Select(m => new LabelledSentence(m.Groups["id"].Value.Trim(), Unquote(m.Groups["text"].Value.Trim()), m.Groups["label"].Value == "Yes"))];
    }

    /// <summary>Texts with commas or quotes are CSV-quoted in the files (<c>"a ""b"" c"</c>); the model must see the sentence itself.</summary>
    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;

    public static List<LabelledSentence> Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// Writes sentences in the format <see cref="Parse"/> reads: the header, then one LF-ended row each.
    /// Breaks inside an id or a text become one space, the only change a round trip makes.
    /// </summary>
    public static void Write(TextWriter writer, IEnumerable<LabelledSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        writer.Write(Header + "\n");
        foreach (var sentence in sentences)
            writer.Write(Row(sentence));
    }

    /// <inheritdoc cref="Write"/>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<LabelledSentence> sentences, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        await writer.WriteAsync((Header + "\n").AsMemory(), ct);
        await foreach (var sentence in sentences.WithCancellation(ct))
            await writer.WriteAsync(Row(sentence).AsMemory(), ct);
    }

    private static string Row(LabelledSentence sentence) =>
        $"{Field(sentence.Id)}\t{Quote(Field(sentence.Text))}\t{(sentence.CheckWorthy ? "Yes" : "No")}\n";

    private static string Field(string value) => Break().Replace(value, " ").Trim();

    /// <summary>A text that is itself in quotes is quoted again, or <see cref="Unquote"/> would strip them.</summary>
    private static string Quote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
