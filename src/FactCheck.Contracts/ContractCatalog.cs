using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FactCheck.Contracts;

/// <summary>
/// Every public command and event with an example: the source of <c>docs/contracts.md</c> (written
/// by <c>dotnet run --project src/FactCheck.Cli -- contracts docs/contracts.md</c>), which a test
/// keeps equal to what this renders, so the document cannot drift from the types.
/// </summary>
public static class ContractCatalog
{
    /// <summary>The JSON of messages on the wire: camelCase, as MassTransit writes them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Guid ArticleId = Guid.Parse("0195f0c0-0000-7000-8000-00000000a001");
    private static readonly Guid ClaimId = Guid.Parse("0195f0c1-3c2e-7a41-9d0e-5b7f2e8c1a11");
    private static readonly Guid PartId = Guid.Parse("0195f0c1-3c2e-7a41-9d0e-5b7f2e8c1a12");
    private static readonly Guid VerdictId = Guid.Parse("0195f0c9-11aa-7c3d-8e4f-6a7b8c9d0e21");
    private static readonly DateTime At = new(2026, 1, 13, 14, 30, 0, DateTimeKind.Utc);

    public static IReadOnlyList<Contract> All { get; } =
    [
        new(typeof(SubmitArticle), ContractDirection.In,
            "Ingest an article: it is stored, its check-worthy claims are extracted and queued. The sender chooses `articleId`; sending the same id twice creates one article.",
            new SubmitArticle
            {
                ArticleId = ArticleId, Title = "NDP wants Canada's special forces out of Iraq",
                Text = "The new democrats want the government to withdraw the estimated 200 special forces that have worked in Iraq since 2014.",
                Outlet = "The Canadian Press", Url = "https://example.org/ndp-iraq", Author = "Lee Berthiaume",
                PublishedAt = new DateTime(2020, 1, 13, 0, 0, 0, DateTimeKind.Utc), Language = "en", Beat = "defence", SubmittedBy = "cms-connector",
            }),
        new(typeof(ArticleReceived), ContractDirection.Out, "An article was stored; its claims are being extracted.",
            new ArticleReceived(ArticleId, "NDP wants Canada's special forces out of Iraq", "The Canadian Press", "https://example.org/ndp-iraq", "en", At)),
        new(typeof(ClaimsExtracted), ContractDirection.Out, "The article's check-worthy claims were found and queued (each also gets `claim-queued`).",
            new ClaimsExtracted(ArticleId, [ClaimId], At)),
        new(typeof(ClaimQueued), ContractDirection.Out, "A claim waits in the queue (new, released, expired lease, or restored).",
            new ClaimQueued(ClaimId, ArticleId, 80, At.AddHours(24))),
        new(typeof(ClaimAssigned), ContractDirection.Out, "A reviewer holds the claim under a lease until `leaseExpiresAt`.",
            new ClaimAssigned(ClaimId, ArticleId, "reviewer-user-id", At.AddHours(4))),
        new(typeof(SourceAttached), ContractDirection.Out, "A reviewer attached a source (or changed a source's URL); its link is checked.",
            new SourceAttached(ClaimId, Guid.Parse("0195f0c5-5e6f-7a8b-9c0d-1e2f3a4b5c31"), "https://www.canada.ca/en/department-national-defence.html", "Supports", "reviewer-user-id")),
        new(typeof(VerdictProposed), ContractDirection.Out, "A reviewer proposed a verdict; it waits for an editor.",
            new VerdictProposed(ClaimId, VerdictId, "Mostly true", "The department confirms about 200 special forces.", "reviewer-user-id")),
        new(typeof(VerdictReturned), ContractDirection.Out, "An editor returned a proposed verdict to the reviewer with a comment, or reopened a published one for a correction (then `verdictId` is the published verdict, which stands until the corrected one is published).",
            new VerdictReturned(ClaimId, VerdictId, "Cite the minister's office.", "editor-user-id")),
        new(typeof(VerdictPublished), ContractDirection.Out, "An editor approved the verdict; it is published. `claimReviewJsonLd` is its schema.org ClaimReview.",
            new VerdictPublished(ClaimId, VerdictId, "Mostly true", "The department confirms about 200 special forces.", "editor-user-id", At,
                "{\"@context\":\"https://schema.org\",\"@type\":\"ClaimReview\",\"claimReviewed\":\"…\"}")),
        new(typeof(ClaimAdded), ContractDirection.Out, "A person made a claim: an editor added it from a span of the article (`origin` Added), it is one part of a split claim (Split, with `splitFromId`), or it merges claims of one sentence back into one (Merged). It is queued like a detected one.",
            new ClaimAdded(PartId, ArticleId, 2724, 2757, "Nobody was injured in the attacks", "Nobody was injured in Iran's missile attacks on two bases in Iraq on 7 January 2020.", "Split", ClaimId, "editor-user-id", At)),
        new(typeof(ClaimSplit), ContractDirection.Out, "An editor split a claim that joined several assertions; the claim is closed as `Split` and each part is a claim of its own.",
            new ClaimSplit(ClaimId, ArticleId, [PartId, Guid.Parse("0195f0c1-3c2e-7a41-9d0e-5b7f2e8c1a13")], "editor-user-id", At)),
        new(typeof(ClaimSplitUndone), ContractDirection.Out, "An editor merged parts back into a whole: the parts of a split claim into it again, or claims of one sentence into a new claim (announced by `claim-added`). The parts are dismissed; the whole is queued.",
            new ClaimSplitUndone(ClaimId, ArticleId, [PartId, Guid.Parse("0195f0c1-3c2e-7a41-9d0e-5b7f2e8c1a13")], "editor-user-id", At)),
        new(typeof(ClaimStatementChanged), ContractDirection.Out, "The statement that is checked (and published in the ClaimReview's `claimReviewed`) was reworded; the quoted span is unchanged.",
            new ClaimStatementChanged(ClaimId, ArticleId, "Iran's military shot down a passenger jet carrying 176 people, 57 of them Canadians, on 8 January 2020.",
                "the Iranian army later shot down a commercial aircraft that carried 176 people that night, including 57 Canadians", "editor-user-id", At)),
        new(typeof(ClaimStatusChanged), ContractDirection.Out, "Every lifecycle transition of every claim, in the order they happened per claim.",
            new ClaimStatusChanged(ClaimId, ArticleId, "Queued", "Assigned", "assignment-policy", "assigned to reviewer-user-id", At)),
    ];

    /// <summary>The message's fields as JSON: camelCase names, JSON types, and whether null may appear.</summary>
    public static IReadOnlyList<ContractField> FieldsOf(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => new ContractField(
                JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                JsonTypeOf(p.PropertyType),
                Nullable.GetUnderlyingType(p.PropertyType) is not null || nullability.Create(p).ReadState == NullabilityState.Nullable)),
        ];
    }

    public static string RenderMarkdown()
    {
        var doc = new StringBuilder();
        doc.Append("""
            # Message contracts

            <!-- Generated from FactCheck.Contracts (ContractCatalog) by `dotnet run --project src/FactCheck.Cli -- contracts docs/contracts.md`; a test fails when it differs. -->

            FactCheck talks to other systems through RabbitMQ. Each message type has its own **fanout
            exchange**, durable, named `factcheck.<name>.v<version>`. To receive a message, declare your own
            queue and bind it to the exchange; to send one, publish to its exchange (routing key ignored).

            - **Outgoing** messages arrive in MassTransit's JSON envelope: the message itself is the `message`
              property; `messageId`, `messageType` (a list holding the type named below), `sentTime` and
              `conversationId` sit beside it.
            - **Incoming** messages may be the bare JSON below (content type `application/json`) or that
              envelope. Set an AMQP `message_id` so a redelivery is recognised.
            - JSON is camelCase; ids are UUIDs; times are ISO 8601 in UTC.
            - A message that cannot be processed goes to the consumer's error queue (`<queue>_error`) with the
              reason in its `MT-Fault-Message` header; the stream goes on. Admins see and retry them under Admin.
            - **Versioning**: within a version, changes are additive only (new optional fields); a test fails if
              a published field is removed, renamed or changes type. A breaking change is a new version with
              its own exchange, published beside the old one. Ignore fields you do not know.


            """);
        doc.Append("| message | direction | exchange |\n| --- | --- | --- |\n");
        foreach (var contract in All)
            doc.Append($"| [{contract.Type.Name}](#{contract.Wire.Name}) | {(contract.Direction == ContractDirection.In ? "in" : "out")} | `{contract.Wire.EntityName}` |\n");

        foreach (var contract in All)
        {
            doc.Append($"\n## {contract.Type.Name}\n<a id=\"{contract.Wire.Name}\"></a>\n\n");
            doc.Append($"{(contract.Direction == ContractDirection.In ? "In" : "Out")} · exchange `{contract.Wire.EntityName}` · message type `{contract.MessageType}`\n\n");
            doc.Append(contract.Summary).Append("\n\n| field | type | may be null |\n| --- | --- | --- |\n");
            foreach (var field in FieldsOf(contract.Type))
                doc.Append($"| `{field.Name}` | {field.JsonType} | {(field.Nullable ? "yes" : "no")} |\n");
            doc.Append("\n```json\n").Append(JsonSerializer.Serialize(contract.Example, contract.Type, Json).ReplaceLineEndings("\n")).Append("\n```\n");
        }

        return doc.ToString();
    }

    private static string JsonTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return "string";
        if (type == typeof(Guid))
            return "string (uuid)";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return "string (date-time)";
        if (type == typeof(bool))
            return "boolean";
        if (type == typeof(int) || type == typeof(long))
            return "integer";
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
            return "number";
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType)
            return $"array of {JsonTypeOf(type.GetGenericArguments()[0])}";
        throw new NotSupportedException($"No JSON type is documented for {type}.");
    }
}
