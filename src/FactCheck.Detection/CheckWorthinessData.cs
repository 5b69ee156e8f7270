using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Reads the check-worthiness data format: a header, then <c>Sentence_id\tText\tclass_label</c>
/// rows (LF or CRLF). Copes with the published train.tsv defect where two records share one line
/// (<c>...\tNo29286\tYou can't bring back jobs.\tNo</c>).
/// </summary>
public static partial class CheckWorthinessData
{
    [GeneratedRegex(@"(?<id>[^\t\r\n]+?)\t(?<text>[^\t\r\n]*)\t(?<label>Yes|No)(?=\r?\n|\r?$|[^\t\r\n]+?\t)", RegexOptions.CultureInvariant)]
    private static partial Regex Record();

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
}
