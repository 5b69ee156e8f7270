using System.Text.Json;
using FactCheck.Contracts;
using FactCheck.Testing;
using FactCheck.Workflow.Articles;

namespace FactCheck.Tests.Messaging;

/// <summary>docs/contracts.md is what the contract types say, and a published contract only ever grows.</summary>
public sealed class ContractDocumentTests
{
    private static string Baseline => Path.Combine(RepositoryRoot.Find(), "tests", "FactCheck.Tests", "Messaging", "published-contracts.v1.json");

    [Fact]
    public void The_contracts_document_is_generated_from_the_types()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "contracts.md")).ReplaceLineEndings("\n");
        Assert.True(
            committed == ContractCatalog.RenderMarkdown(),
            "docs/contracts.md differs from the contract types; run: dotnet run --project src/FactCheck.Cli -- contracts docs/contracts.md");
    }

    [Fact]
    public void Every_message_with_a_wire_name_is_documented_once()
    {
        var wired = typeof(WireNameAttribute).Assembly.GetTypes().Where(t => WireNameAttribute.Of(t) is not null).ToHashSet();
        Assert.Equal(wired.OrderBy(t => t.Name), ContractCatalog.All.Select(c => c.Type).OrderBy(t => t.Name));
        Assert.Equal(ContractCatalog.All.Count, ContractCatalog.All.Select(c => c.Wire.EntityName).Distinct().Count());
    }

    [Fact]
    public void Each_example_reads_back_as_its_type_and_the_inbound_one_is_acceptable()
    {
        foreach (var contract in ContractCatalog.All)
        {
            var json = JsonSerializer.Serialize(contract.Example, contract.Type, ContractCatalog.Json);
            var back = JsonSerializer.Deserialize(json, contract.Type, ContractCatalog.Json);
            Assert.Equal(json, JsonSerializer.Serialize(back, contract.Type, ContractCatalog.Json));
            using var document = JsonDocument.Parse(json);
            Assert.Equal(ContractCatalog.FieldsOf(contract.Type).Select(f => f.Name), document.RootElement.EnumerateObject().Select(p => p.Name));
        }

        Assert.Empty(ArticleSubmission.Validate((SubmitArticle)ContractCatalog.All.Single(c => c.Type == typeof(SubmitArticle)).Example));
    }

    [Fact]
    public void No_published_field_was_removed_renamed_or_retyped()
    {
        var problems = Compare(LoadBaseline(), CurrentShapes());
        Assert.True(problems.Count == 0, "Contract changes must be additive (or a new version): " + string.Join("; ", problems));
    }

    [Fact]
    public void The_additive_check_catches_a_lost_and_a_retyped_field()
    {
        var current = CurrentShapes();
        var submit = new Dictionary<string, string>(current["factcheck.submit-article.v1"]);
        submit.Remove("title");
        submit["publishedAt"] = "string";
        current["factcheck.submit-article.v1"] = submit;
        current.Remove("factcheck.claim-queued.v1");

        var problems = Compare(LoadBaseline(), current);

        Assert.Contains(problems, p => p.Contains("submit-article.v1", StringComparison.Ordinal) && p.Contains("'title' is gone", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'publishedAt'", StringComparison.Ordinal) && p.Contains("string (date-time) | null", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("claim-queued.v1 is no longer published", StringComparison.Ordinal));
    }

    private static Dictionary<string, Dictionary<string, string>> LoadBaseline() =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(Baseline))!;

    /// <summary>Each exchange's fields, and under <c>$messageType</c> the envelope's type name.</summary>
    private static Dictionary<string, Dictionary<string, string>> CurrentShapes() =>
        ContractCatalog.All.ToDictionary(
            c => c.Wire.EntityName,
            c => ContractCatalog.FieldsOf(c.Type).ToDictionary(f => f.Name, f => f.JsonType + (f.Nullable ? " | null" : ""))
                .Append(new KeyValuePair<string, string>("$messageType", c.MessageType)).ToDictionary());

    private static List<string> Compare(Dictionary<string, Dictionary<string, string>> published, Dictionary<string, Dictionary<string, string>> current)
    {
        var problems = new List<string>();
        foreach (var (exchange, fields) in published)
        {
            if (!current.TryGetValue(exchange, out var now))
            {
                problems.Add($"{exchange} is no longer published");
                continue;
            }

            foreach (var (name, type) in fields)
            {
                if (!now.TryGetValue(name, out var nowType))
                    problems.Add($"{exchange}: '{name}' is gone");
                else if (nowType != type)
                    problems.Add($"{exchange}: '{name}' was {type}, is now {nowType}");
            }
        }

        return problems;
    }
}
