namespace FactCheck.Workflow.Labels;

/// <summary>How many desk labels there are (since a time), and of which class.</summary>
public sealed record DeskLabelCount(int Total, int CheckWorthy, int NotCheckWorthy);
