using FactCheck.Web;
using FactCheck.Workflow;

var builder = WebApplication.CreateBuilder(args);
builder.AddFactCheckWorkflow(bus => bus.AddLiveUpdates());
builder.AddFactCheckWeb();

var app = builder.Build();
app.UseFactCheckWeb();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
