using System.Globalization;

namespace BlazorSession.App.Session;

/// <summary>What counts as a username: trimmed, not blank, at most 64 characters, no control characters.</summary>
public static class UsernameRules
{
    public const int MaxLength = 64;

    // "Characters" are counted as the user sees them (one emoji or one accented letter is one), but a single
    // character can be built from many code units; this cap keeps the stored payload bounded whatever is typed.
    public const int MaxUtf16Length = MaxLength * 4;

    public const string BlankMessage = "Enter a username.";
    public const string TooLongMessage = "The username can be at most 64 characters long.";
    public const string ControlCharacterMessage = "The username cannot contain control characters such as tabs or line breaks.";

    public static string Normalize(string? input) => (input ?? string.Empty).Trim();

    /// <summary>
    /// Whether a stored value is a name these rules would have saved: the one test every reader of the name applies
    /// (the sign-in, so the header and the members' page, and <see cref="UsernameSession.Username"/>).
    /// </summary>
    public static bool IsSavedName(string stored) => Validate(stored) is null && stored == Normalize(stored);

    /// <summary>Returns why <paramref name="input"/> is not an acceptable username, or <c>null</c> when it is.</summary>
    public static string? Validate(string? input)
    {
        var name = Normalize(input);
        if (name.Length == 0)
        {
            return BlankMessage;
        }

        if (name.Length > MaxUtf16Length || new StringInfo(name).LengthInTextElements > MaxLength)
        {
            return TooLongMessage;
        }

        if (name.Any(char.IsControl))
        {
            return ControlCharacterMessage;
        }

        return null;
    }
}
