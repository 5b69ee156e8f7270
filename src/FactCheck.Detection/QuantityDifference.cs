namespace FactCheck.Detection;

/// <summary>
/// One thing two claims both give a number for, and whether the numbers agree: <see cref="Subject"/> is what
/// is counted as this claim says it ("Canadians", "special forces", "percent", "since"); the values are the
/// quantities' own text ("about 200 special forces"), so the hedge a desk judges by is kept. Named after the
/// suggestion's <c>quantityDifferences</c>, which lists the agreeing numbers too.
/// </summary>
public sealed record QuantityDifference(string Subject, string ThisValue, string OtherValue, QuantityAgreement Agreement);
