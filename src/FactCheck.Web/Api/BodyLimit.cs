using Microsoft.AspNetCore.Mvc;

namespace FactCheck.Web.Api;

/// <summary>A larger body than the server's default for one endpoint, and a clear 413 when a declared body is larger still.</summary>
internal static class BodyLimit
{
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder endpoint, long maxBytes) =>
        endpoint
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
            .AddEndpointFilter(async (context, next) =>
            {
                // A declared oversized body is refused up front; the server's own limit catches undeclared (chunked) ones.
                if (context.HttpContext.Request.ContentLength > maxBytes)
                {
                    return TypedResults.Problem(
                        $"The request body has {context.HttpContext.Request.ContentLength:N0} bytes; at most {maxBytes:N0} are accepted.",
                        statusCode: StatusCodes.Status413PayloadTooLarge,
                        title: "Request too large");
                }

                return await next(context);
            });
}
