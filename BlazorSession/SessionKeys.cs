namespace BlazorSession;

/// <summary>The rules a key must meet: a name a developer chose, never a visitor's input.</summary>
internal static class SessionKeys
{
    public static void Validate(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > BrowserSession.MaxKeyLength)
        {
            throw new ArgumentException(
                $"A session key can be at most {BrowserSession.MaxKeyLength} characters long; this one has {key.Length}.", nameof(key));
        }

        if (key.Any(char.IsControl))
        {
            throw new ArgumentException("A session key cannot contain control characters.", nameof(key));
        }
    }
}
