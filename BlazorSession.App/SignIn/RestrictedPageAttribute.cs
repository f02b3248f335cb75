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
}
