namespace FactCheck.Contracts;

public enum ContractDirection
{
    /// <summary>Other systems send it to FactCheck.</summary>
    In,
    /// <summary>FactCheck publishes it for other systems.</summary>
    Out,
}
