using FactCheck.Web.Auth;
using FactCheck.Workflow;
using FactCheck.Workflow.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Api;

/// <summary>Admin: messages the workflow gave up on, in RabbitMQ's error queues, retried or discarded.</summary>
internal static class FailedMessagesApi
{
    public static void MapFailedMessagesApi(this IEndpointRouteBuilder app)
    {
        // Under /api/admin itself: the list's route has no trailing slash.
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Administer);
        admin.MapGet("/failed-messages", async (ErrorQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.ListAsync(ct)));
        admin.MapPost("/failed-messages/{queue}/{messageId}/retry", (string queue, string messageId, ErrorQueues queues, CancellationToken ct) =>
            Handled(queues.RetryAsync(queue, messageId, ct), queue, messageId));
        admin.MapDelete("/failed-messages/{queue}/{messageId}", (string queue, string messageId, ErrorQueues queues, CancellationToken ct) =>
            Handled(queues.DiscardAsync(queue, messageId, ct), queue, messageId));
    }

    private static async Task<NoContent> Handled(Task<bool> action, string queue, string messageId) =>
        await action ? TypedResults.NoContent() : throw new WorkflowException(WorkflowError.NotFound, $"Message '{messageId}' is not in {queue}.");
}
