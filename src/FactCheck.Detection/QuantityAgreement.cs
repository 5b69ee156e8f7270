namespace FactCheck.Detection;

/// <summary>How two claims' numbers for the same thing compare (see <see cref="QuantityComparison"/>).</summary>
public enum QuantityAgreement
{
    /// <summary>The same number: "176 people" and "176 passengers".</summary>
    Same,

    /// <summary>Different numbers that can both be true within what their hedges and rounding allow: "about 200" and "210".</summary>
    Consistent,

    /// <summary>Numbers that cannot both be true as stated: "63 Canadians" and "57 Canadians".</summary>
    Different,
}
