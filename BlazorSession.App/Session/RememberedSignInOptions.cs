using System.ComponentModel.DataAnnotations;

namespace BlazorSession.App.Session;

/// <summary>The <c>Session</c> configuration section.</summary>
public sealed class RememberedSignInOptions
{
    public const string Section = "Session";

    /// <summary>
    /// How long "Keep me signed in" lasts from the save that ticked it (<c>Session:RememberFor</c>, a TimeSpan such as
    /// <c>30.00:00:00</c>). Thirty days by default, about Flask's PERMANENT_SESSION_LIFETIME of 31.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Session:RememberFor must be between one second and ten years.")]
    public TimeSpan RememberFor { get; set; } = TimeSpan.FromDays(30);
}
