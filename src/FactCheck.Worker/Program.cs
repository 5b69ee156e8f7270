using FactCheck.Workflow;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

// A web host only for its health endpoints, so an orchestrator can tell a stuck worker from a busy one.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddFactCheckWorkflow();
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    // Not told where to listen (a container sets ASPNETCORE_HTTP_PORTS): any free loopback port, so several workers share a machine.
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

var app = builder.Build();
var database = app.Services.GetRequiredService<DatabaseOptions>();
var bus = app.Services.GetRequiredService<BusOptions>();
if (database.IsEmbedded(bus))
{
    // An in-memory bus in a process of its own would receive nothing from the web app.
    throw new InvalidOperationException(
        "FactCheck.Worker scales out a deployment with a shared broker and database: set FactCheck:Bus:Transport=RabbitMq " +
        "and FactCheck:Database:Provider=PostgreSql or SqlServer (the embedded mode runs everything inside FactCheck.Web).");
}

app.MapFactCheckHealth();
app.Run();
