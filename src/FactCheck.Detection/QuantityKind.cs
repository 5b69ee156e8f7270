namespace FactCheck.Detection;

public enum QuantityKind
{
    Count,
    Percent,
    Money,
    Year,
    Date,
    Period,
}
