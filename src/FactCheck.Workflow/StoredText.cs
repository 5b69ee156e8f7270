namespace FactCheck.Workflow;

/// <summary>
/// Text the newsroom stores: anything but control characters (tab, line feed and carriage return
/// excepted) and broken UTF-16. PostgreSQL cannot store NUL at all, and the others only garble what
/// readers and other systems see, so such text is refused, saying where, rather than stored.
/// </summary>
public static class StoredText
{
    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
            return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
                return $"a lone UTF-16 surrogate (U+{(int)c:X4}) at position {i}, which is not Unicode text";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"a control character (U+{(int)c:X4}) at position {i}; only tab, line feed and carriage return are allowed";
        }

        return null;
    }
}
