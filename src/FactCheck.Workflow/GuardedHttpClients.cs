using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow;

/// <summary>The HTTP clients that fetch addresses users typed; each connects through <see cref="PublicNetwork"/>.</summary>
public static class GuardedHttpClients
{
    /// <summary>The link check's and the webhooks' clients, by their names.</summary>
    public static IServiceCollection AddGuardedHttpClients(this IServiceCollection services)
    {
        services.AddHttpClient(LinkCheckJob.HttpClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("FactCheck-LinkCheck/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                // Through a proxy the guard would see only the proxy's address.
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value.AllowPrivateNetworks ? null : PublicNetwork.ConnectAsync,
            });
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("FactCheck-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect would send the signed body somewhere the admin never named.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks ? null : PublicNetwork.ConnectAsync,
            });
        return services;
    }
}
