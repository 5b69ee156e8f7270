using FactCheck.Workflow;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;

var builder = Host.CreateApplicationBuilder(args);
builder.AddFactCheckWorkflow();

var host = builder.Build();
var database = host.Services.GetRequiredService<DatabaseOptions>();
var bus = host.Services.GetRequiredService<BusOptions>();
if (database.IsEmbedded(bus))
{
    // An in-memory bus in a process of its own would receive nothing from the web app.
    throw new InvalidOperationException(
        "FactCheck.Worker scales out a deployment with a shared broker and database: set FactCheck:Bus:Transport=RabbitMq " +
        "and FactCheck:Database:Provider=PostgreSql or SqlServer (the embedded mode runs everything inside FactCheck.Web).");
}

host.Run();
