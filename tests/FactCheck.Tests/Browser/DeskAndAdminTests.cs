using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Auth;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FactCheck.Tests.Browser;

/// <summary>The editor's bulk actions on the desk and the admin's people page, in a real browser.</summary>
public sealed class DeskAndAdminTests(ITestOutputHelper output) : BrowserTest(output)
{
    [Fact]
    public async Task An_editor_filters_the_desk_and_changes_priority_assigns_dismisses_and_restores_claims_in_bulk()
    {
        var desk = await Browser.SignInAsync("editor@factcheck.local");
        await desk.GotoAsync("/desk");
        await BrowserApp.WaitForInteractiveAsync(desk);
        var total = await Browser.App.WithDbAsync(db => db.Claims.CountAsync());
        await Expect(desk.GetByTestId("claim-total")).ToHaveTextAsync($"({total})");

        await desk.GetByTestId("filter-status").SelectOptionAsync("Queued");
        await Expect(desk.Locator("table[aria-label=Claims] tbody tr")).ToHaveCountAsync(total);
        var rows = desk.Locator("table[aria-label=Claims] tbody tr");
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            ids.Add(Guid.Parse((await rows.Nth(i).GetAttributeAsync("data-claim"))!));
            await rows.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
        }

        var bulk = desk.GetByRole(AriaRole.Region, new() { Name = "Bulk actions" });
        await Expect(bulk).ToContainTextAsync("2 selected");
        await bulk.GetByLabel("Priority").FillAsync("99");
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Set priority" }).ClickAsync();
        await Expect(desk.GetByTestId("message")).ToHaveTextAsync("2 claim(s) given priority 99.");

        foreach (var id in ids)
            await desk.Locator($"tr[data-claim='{id}']").GetByRole(AriaRole.Checkbox).CheckAsync();
        await bulk.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "Remy Reviewer" });
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Expect(desk.GetByTestId("message")).ToHaveTextAsync("2 claim(s) assigned.");
        var remy = await Browser.App.WithDbAsync(db => db.Reviewers.Where(r => r.DisplayName == "Remy Reviewer").Select(r => r.UserId).SingleAsync());
        var assigned = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync());
        Assert.All(assigned, c => Assert.Equal((ClaimStatus.Assigned, remy, 99), (c.Status, c.AssigneeId, c.Priority)));

        // The selection survives a change of filter.
        await desk.GetByTestId("filter-status").SelectOptionAsync("");
        foreach (var id in ids)
            await desk.Locator($"tr[data-claim='{id}']").GetByRole(AriaRole.Checkbox).CheckAsync();
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(desk.GetByTestId("message")).ToHaveTextAsync("2 claim(s) dismissed.");
        await Expect(desk.Locator($"tr[data-claim='{ids[0]}']")).ToHaveAttributeAsync("data-status", "Dismissed");
        await BrowserApp.ScreenshotAsync(desk, "desk-bulk");

        foreach (var id in ids)
            await desk.Locator($"tr[data-claim='{id}']").GetByRole(AriaRole.Checkbox).CheckAsync();
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(desk.GetByTestId("message")).ToHaveTextAsync("2 claim(s) restored.");
        Assert.All(await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync()), c => Assert.Equal(ClaimStatus.Queued, c.Status));

        // Restoring a queued claim is refused, and says so by claim.
        await desk.Locator($"tr[data-claim='{ids[0]}']").GetByRole(AriaRole.Checkbox).CheckAsync();
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(desk.GetByTestId("message")).ToContainTextAsync("0 of 1 claim(s) restored; not done (still selected):");
        await Expect(desk.GetByTestId("message")).ToContainTextAsync("Only a dismissed claim can be restored");
    }

    [Fact]
    public async Task An_admin_changes_a_reviewers_capacity_and_roles_and_sees_that_embedded_mode_has_no_error_queues_to_browse()
    {
        var admin = await Browser.SignInAsync("admin@factcheck.local");
        await admin.GotoAsync("/admin");
        await BrowserApp.WaitForInteractiveAsync(admin);
        var row = admin.Locator("tr[data-user='reviewer3@factcheck.local']");
        await row.GetByLabel("Capacity of reviewer3@factcheck.local").FillAsync("3");
        await row.GetByLabel("Beats of reviewer3@factcheck.local").FillAsync("health, Science");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByTestId("message")).ToHaveTextAsync("Saved Rosa Reviewer.");
        var profile = await Browser.App.WithDbAsync(db => db.Reviewers.AsNoTracking().SingleAsync(r => r.DisplayName == "Rosa Reviewer"));
        Assert.Equal((3, "health,science"), (profile.Capacity, string.Join(",", profile.Beats)));

        await row.GetByLabel("reviewer3@factcheck.local is Editor").CheckAsync();
        await Expect(admin.GetByTestId("message")).ToContainTextAsync("is now Editor");
        await Expect(admin.GetByText("Error queues can be browsed when the bus runs on RabbitMQ")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "admin");

        // An API key for a machine client: its secret is shown once, it works, and revoked it does not.
        var keys = admin.GetByRole(AriaRole.Form, new() { Name = "New API key" });
        await keys.GetByLabel("Name").FillAsync("CMS connector");
        await keys.GetByLabel("Role").SelectOptionAsync("Editor");
        await keys.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = (await admin.GetByTestId("new-api-key").Locator("code").TextContentAsync())!;
        using var cms = Browser.App.CreateClient();
        cms.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await cms.GetAsync("/api/claims")).StatusCode);
        await admin.Locator("tr[data-key='CMS connector']").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(admin.Locator("tr[data-key='CMS connector']")).ToContainTextAsync("revoked");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await cms.GetAsync("/api/claims")).StatusCode);

        // A webhook: a bad URL is refused with the reason; a good one is listed with its made secret shown once; ping shows in the log.
        var hooks = admin.GetByRole(AriaRole.Form, new() { Name = "New webhook" });
        await hooks.GetByLabel("Name").FillAsync("Partner CMS");
        await hooks.GetByLabel("URL").FillAsync("ftp://cms.example.org/hooks");
        await hooks.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert).Filter(new() { HasText = "needs an absolute http or https URL" })).ToBeVisibleAsync();
        await hooks.GetByLabel("URL").FillAsync("https://cms.example.org/hooks/factcheck");
        await hooks.GetByLabel("verdict-published").UncheckAsync();
        await hooks.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        var hookRow = admin.Locator("tr[data-webhook='Partner CMS']");
        await Expect(hookRow).ToContainTextAsync("claim-status-changed");
        var hookSecret = (await admin.GetByTestId("new-webhook-secret").Locator("code").TextContentAsync())!;
        var stored = await Browser.App.WithDbAsync(db => db.WebhookSubscriptions.AsNoTracking().SingleAsync(w => w.Name == "Partner CMS"));
        Assert.Equal((hookSecret, "https://cms.example.org/hooks/factcheck", "claim-status-changed"), (stored.Secret, stored.Url, string.Join(",", stored.Events)));
        await hookRow.GetByRole(AriaRole.Button, new() { Name = "Ping" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Deliveries" })).ToContainTextAsync("ping");
        await hookRow.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(hookRow).ToContainTextAsync("(paused)");

        // The new role applies from the next sign-in: Rosa now reaches the desk.
        var rosa = await Browser.SignInAsync("reviewer3@factcheck.local");
        await rosa.GotoAsync("/desk");
        await Expect(rosa.GetByRole(AriaRole.Heading, new() { Name = "Desk" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_open_desk_loses_an_editors_powers_as_soon_as_the_role_is_removed()
    {
        var desk = await Browser.SignInAsync("editor@factcheck.local");
        await desk.GotoAsync("/desk");
        await BrowserApp.WaitForInteractiveAsync(desk);
        var editorId = await Browser.App.WithDbAsync(db => db.Users.Where(u => u.Email == "editor@factcheck.local").Select(u => u.Id).SingleAsync());

        await Browser.App.WithScopeAsync(services => services.GetRequiredService<Staff>().SetRoleAsync(editorId, "Editor", member: false));

        var row = desk.Locator("table[aria-label=Claims] tbody tr").First;
        var id = Guid.Parse((await row.GetAttributeAsync("data-claim"))!);
        var before = await Browser.App.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Priority).SingleAsync());
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        var bulk = desk.GetByRole(AriaRole.Region, new() { Name = "Bulk actions" });
        await bulk.GetByLabel("Priority").FillAsync("1");
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Set priority" }).ClickAsync();

        await Expect(desk.GetByTestId("message")).ToContainTextAsync("Your sign-in is no longer valid");
        Assert.Equal(before, await Browser.App.WithDbAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Priority).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_imports_a_reference_collection_and_a_bad_file_imports_nothing()
    {
        var admin = await Browser.SignInAsync("admin@factcheck.local");
        await admin.GotoAsync("/admin");
        await BrowserApp.WaitForInteractiveAsync(admin);
        var file = admin.GetByTestId("reference-file");

        var bad = "id\tclaim\turl\nr-1\tFine claim here.\thttps://factcheck.example/r-1\nr-2\t\thttps://factcheck.example/r-2\n";
        await file.SetInputFilesAsync(new FilePayload { Name = "bad.tsv", MimeType = "text/tab-separated-values", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await Expect(admin.GetByTestId("reference-outcome")).ToContainTextAsync("Nothing was imported from bad.tsv");
        await Expect(admin.GetByTestId("references")).ToContainTextAsync("line 3, field 'claim'");
        Assert.Equal(0, await Browser.App.WithDbAsync(db => db.ReferenceClaims.CountAsync()));

        var good = "id\tclaim\ttitle\trating\turl\nr-1\t176 people on board died, including 63 Canadians.\tFlight PS752\tMostly false\thttps://factcheck.example/r-1\n";
        await file.SetInputFilesAsync(new FilePayload { Name = "good.tsv", MimeType = "text/tab-separated-values", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await Expect(admin.GetByTestId("reference-outcome")).ToHaveTextAsync("Imported good.tsv: 1 added, 0 updated.");
        await Expect(admin.GetByTestId("references")).ToContainTextAsync("1 verified claim from");
        await BrowserApp.ScreenshotAsync(admin, "admin-references");
    }
}
