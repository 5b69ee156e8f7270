using FactCheck.Web.Auth;
using FactCheck.Workflow.Integrations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Api;

/// <summary>Admin: webhook subscriptions and their delivery logs (for the API and the admin page).</summary>
internal static class WebhooksApi
{
    public static void MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/admin/webhooks").WithTags("Admin").RequireAuthorization(Policies.Administer);
        hooks.MapGet("/", async (WebhookAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)));
        hooks.MapGet("/events", () => TypedResults.Ok(WebhookSubscription.EventNames));
        hooks.MapPost("/", async Task<Created<WebhookWithSecret>> (CreateWebhookRequest request, HttpContext http, WebhookAdmin admin, CancellationToken ct) =>
        {
            var created = await admin.CreateAsync(request, http.User.UserId(), ct);
            return TypedResults.Created($"/api/admin/webhooks/{created.Webhook.Id}", created);
        });
        hooks.MapPut("/{id:guid}", async (Guid id, UpdateWebhookRequest request, WebhookAdmin admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.UpdateAsync(id, request, ct)));
        hooks.MapPost("/{id:guid}/pause", async (Guid id, WebhookAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.SetActiveAsync(id, false, ct)));
        hooks.MapPost("/{id:guid}/resume", async (Guid id, WebhookAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.SetActiveAsync(id, true, ct)));
        hooks.MapPost("/{id:guid}/secret", async (Guid id, RotateWebhookSecretRequest? request, WebhookAdmin admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.RotateSecretAsync(id, request?.Secret, ct)));
        hooks.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, WebhookAdmin admin, CancellationToken ct) =>
        {
            await admin.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        hooks.MapPost("/{id:guid}/ping", async (Guid id, WebhookAdmin admin, CancellationToken ct) =>
        {
            var delivery = await admin.PingAsync(id, ct);
            return TypedResults.Accepted($"/api/admin/webhooks/{id}/deliveries", delivery);
        });
        hooks.MapGet("/{id:guid}/deliveries", async (Guid id, DeliveryState? state, int? take, WebhookAdmin admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.DeliveriesAsync(id, state, take, ct)));
        hooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, WebhookAdmin admin, CancellationToken ct) =>
            TypedResults.Accepted($"/api/admin/webhooks/{id}/deliveries", await admin.RedeliverAsync(id, deliveryId, ct)));
    }
}
