using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Sources;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Workflow.Messaging;

/// <summary>MassTransit in a host: the transport, retries, the workflow's consumers and the outbox relay.</summary>
public static class BusHosting
{
    /// <summary>The workflow's own consumers; each keeps an inbox, which is how a relayed message is known to be handled.</summary>
    private static readonly (Type Consumer, Type? Definition)[] InboxConsumers =
    [
        (typeof(SubmitArticleConsumer), null),
        (typeof(ExtractClaimsConsumer), null),
        (typeof(AssignClaimConsumer), typeof(AssignClaimConsumerDefinition)),
        (typeof(SourceAttachedConsumer), null),
    ];

    /// <param name="configureBus">Adds a host's own consumers to the bus.</param>
    public static IServiceCollection AddFactCheckBus(this IServiceCollection services, IConfiguration config, WorkflowOptions workflow, Action<IBusRegistrationConfigurator>? configureBus)
    {
        var options = WorkflowHosting.Bind<BusOptions>(config, "Bus");
        options.RabbitMq = config.GetConnectionString("RabbitMq") ?? options.RabbitMq;
        services.AddSingleton(options);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ErrorQueues>();
        services.AddSingleton(new OutboxSettlement(InboxConsumers.Select(c => c.Consumer)));
        services.AddMassTransit(x =>
        {
            // MassTransit otherwise reports usage to its vendor: a newsroom's systems do not phone home.
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            configureBus?.Invoke(x);
            if (workflow.RunConsumers)
            {
                foreach (var (consumer, definition) in InboxConsumers)
                    x.AddConsumer(consumer, definition);
                x.AddWebhookFanOut();
            }

            if (options.DelayedRedelivery)
                x.AddDelayedMessageScheduler();
            x.AddConfigureEndpointsCallback((_, _, endpoint) => ConfigureRetries(endpoint, options));

            if (options.Transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMq));
                    ConfigureBus(cfg, context, options);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureBus(cfg, context, options));
            }
        });
        if (workflow.RunConsumers)
            services.AddHostedService<OutboxDispatcher>();
        return services;
    }

    private static void ConfigureRetries(IReceiveEndpointConfigurator endpoint, BusOptions options)
    {
        endpoint.ConcurrentMessageLimit ??= options.ConcurrentMessageLimit;
        // Outermost first: late redelivery wraps the quick in-process retries.
        if (options.DelayedRedelivery)
        {
            endpoint.UseDelayedRedelivery(r =>
            {
                r.Intervals(options.EffectiveRedeliveryIntervals);
                r.Ignore<MessageRejectedException>();
            });
        }

        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
            r.Ignore<MessageRejectedException>();
        });
    }

    private static void ConfigureBus<T>(IBusFactoryConfigurator<T> cfg, IBusRegistrationContext context, BusOptions options)
        where T : IReceiveEndpointConfigurator
    {
        if (options.DelayedRedelivery)
            cfg.UseDelayedMessageScheduler();
        cfg.MessageTopology.SetEntityNameFormatter(new WireEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
        // Plain AMQP clients publish bare JSON (no MassTransit envelope); accept it as the endpoint's message type.
        cfg.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        cfg.ConfigureEndpoints(context);
    }
}
