namespace BlazorSession.App.SignIn;

/// <summary>
/// How a page marked <c>[Authorize]</c> reads while the session is being checked and for a visitor who has not
/// signed in (<see cref="Components.SignInRequired"/>): its heading and description stay the page's own.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RestrictedPageAttribute(string heading, string description) : Attribute
{
    public string Heading { get; } = heading;

    public string Description { get; } = description;

    /// <summary>
    /// The page's status text for a signed-in visitor, with <c>{name}</c> where the name goes. When set, a reload
    /// shows it as soon as the stored name is verified, before the circuit is up (StoredSessionPreviewScript).
    /// </summary>
    public string? SignedInPreview { get; set; }
}
