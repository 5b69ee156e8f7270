using System.Security.Cryptography;
using MassTransit;

namespace FactCheck.Workflow.Messaging;

/// <summary>Which message a consumer handled, as its inbox records it.</summary>
public static class MessageIdentity
{
    /// <summary>
    /// The transport's message id; a raw message from a plain AMQP client may have none, and then
    /// its body stands in for it (the same bytes are the same message).
    /// </summary>
    public static Guid Of(ConsumeContext context)
    {
        if (context.MessageId is { } id)
            return id;
        var hash = SHA256.HashData(context.ReceiveContext.Body.GetBytes());
        return new Guid(hash.AsSpan(0, 16));
    }
}
