namespace BlazorSession.App.Session;

public enum SessionLoadStatus
{
    /// <summary>The browser store has not been read yet (or the read is in flight): nothing can be said.</summary>
    NotLoaded,

    /// <summary>The store was read; <see cref="SessionState.Username"/> is the truth, <c>null</c> meaning none.</summary>
    Loaded,

    /// <summary>The last read could not reach the browser; <see cref="SessionState.LoadAsync"/> tries again.</summary>
    Unavailable,
}
