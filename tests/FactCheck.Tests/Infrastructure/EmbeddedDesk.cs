using FactCheck.Web.Api;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// One embedded app per test class, with a newsroom (two reviewers, an editor, an admin) and the
/// sample article already submitted and assigned.
/// </summary>
public class EmbeddedDesk : IAsyncLifetime
{
    public EmbeddedDesk()
        : this(onKestrel: false)
    {
    }

    /// <param name="onKestrel">Serve on a real Kestrel server on a loopback port (TestServer does not apply request body limits).</param>
    /// <param name="settings">Settings on top of the desk's own.</param>
    protected EmbeddedDesk(bool onKestrel, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // No job server: the sweep would reassign claims a test leaves in the queue on purpose.
        var all = new Dictionary<string, string?> { ["FactCheck:Workflow:RunJobs"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        App = new FactCheckApp(TestStack.Embedded(), all);
        if (onKestrel)
        {
            App.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            App.StartServer();
        }
    }

    public FactCheckApp App { get; }
    public HttpClient Editor { get; private set; } = null!;
    public HttpClient Reviewer { get; private set; } = null!;
    public HttpClient OtherReviewer { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public string ReviewerId { get; private set; } = "";
    public ArticleResponse Article { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ReviewerId = await App.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], ["defence"], capacity: 100);
        await App.CreateUserAsync("omar@newsroom.test", "Omar Other", ["Reviewer"], ["sports"], capacity: 100);
        await App.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        await App.CreateUserAsync("ada@newsroom.test", "Ada Admin", ["Admin"]);
        Editor = await App.ClientForAsync("eddie@newsroom.test");
        Reviewer = await App.ClientForAsync("rita@newsroom.test");
        OtherReviewer = await App.ClientForAsync("omar@newsroom.test");
        Admin = await App.ClientForAsync("ada@newsroom.test");

        Article = await AssignedArticle.SubmitAsync(Editor, SampleArticle.Request(), "the sample article's claims to be assigned");
    }

    /// <summary>A claim of the sample article, each test taking a different one.</summary>
    public ClaimSummary Claim(int index) => Article.Claims[index];

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Editor, Reviewer, OtherReviewer, Admin })
            client?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
