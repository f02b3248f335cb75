namespace BlazorSession;

/// <summary>Whether a <see cref="BrowserSession"/> knows what the browser holds.</summary>
public enum BrowserSessionStatus
{
    /// <summary>Not read yet, or the read is in flight (always so while prerendering): nothing can be said.</summary>
    NotLoaded,

    /// <summary>Read: what the session holds is the truth, an absent key meaning none.</summary>
    Loaded,

    /// <summary>The last read could not reach the browser; <see cref="BrowserSession.LoadAsync"/> tries again.</summary>
    Unavailable,
}
