namespace FactCheck.Workflow.References;

/// <summary>What an import did: verified claims added and updated, or, when the file had problems, nothing and the problems.</summary>
public sealed record ReferenceImport(int Added, int Updated, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
