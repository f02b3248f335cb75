namespace BlazorSession.App.SignIn;

/// <summary>
/// Where the set-session page may go after a sign-in: only a path of this app. Anything else (another origin, a
/// scheme such as <c>javascript:</c>, a protocol-relative <c>//host</c>, the <c>/\host</c> that browsers read the same
/// way, control characters) is refused, so the parameter can never send a visitor elsewhere.
/// </summary>
public static class ReturnUrl
{
    /// <summary>The query parameter that carries it.</summary>
    public const string ParameterName = "returnUrl";

    /// <summary>
    /// True for a local path: it starts with one <c>/</c> that is not followed by another <c>/</c> or a <c>\</c>,
    /// and it has no control character. Such a value cannot carry a scheme or a host.
    /// </summary>
    public static bool IsLocalPath(string? value) =>
        value is ['/', ..] &&
        value is not ['/', '/' or '\\', ..] &&
        !value.Any(char.IsControl);

    /// <summary>The set-session page's address that returns to <paramref name="localPath"/> after a sign-in.</summary>
    public static string SignInHref(string localPath) =>
        $"/set-session?{ParameterName}={Uri.EscapeDataString(localPath)}";
}
