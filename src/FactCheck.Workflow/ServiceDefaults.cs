using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FactCheck.Workflow;

/// <summary>What every FactCheck host has, as eShop's ServiceDefaults: telemetry and the health endpoints.</summary>
public static class ServiceDefaults
{
    /// <summary>
    /// Traces and metrics (the workflow's, MassTransit's, HTTP clients', the runtime's) and logs,
    /// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variables apply).
    /// A host adds its own instrumentation with ConfigureOpenTelemetryTracerProvider / MeterProvider.
    /// </summary>
    public static IHostApplicationBuilder AddFactCheckServiceDefaults(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithTracing(t => t.AddSource(WorkflowMetrics.Name, "MassTransit").AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter(WorkflowMetrics.Name, "MassTransit").AddHttpClientInstrumentation().AddRuntimeInstrumentation());
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// Live: the process answers. Ready: the database and the broker are reachable (JSON, statuses
    /// only; 503 unless all are healthy). /health: every check. Anonymous, for orchestrators and load balancers.
    /// </summary>
    public static IEndpointRouteBuilder MapFactCheckHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthJson,
            // MassTransit reports a bus that lost its broker and is reconnecting as Degraded: not ready.
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealthJson(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            // Statuses only, never exception text (hosts, ports) from a failing check.
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString() }),
        });
}
