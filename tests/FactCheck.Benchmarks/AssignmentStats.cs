namespace FactCheck.Benchmarks;

internal sealed record AssignmentStats(
    int ArticlesExtracted, int Assigned, DateTime Last, double Seconds, int Transitions, double ExtractionsPerSecond, double ExtractionsAtOnce,
    Spread ToAssignment, Spread ToStored, Spread WaitForExtraction, Spread Detection, Spread ExtractedToAssigned);
