using FactCheck.Workflow.Labels;

namespace FactCheck.Web.Api;

/// <summary>The labels the desk produced since the shipped model was trained (all of them when its training time is unknown).</summary>
public sealed record DeskLabelSummary(DateTime? ModelTrainedAt, DeskLabelCount SinceTraining);
