using System.ComponentModel.DataAnnotations;
using BlazorSession.App.Session;

namespace BlazorSession.App.Components.Pages;

/// <summary>The set-session form's model: the raw text typed, checked with the same rules the state service applies.</summary>
public sealed class UsernameForm
{
    [CustomValidation(typeof(UsernameForm), nameof(ValidateUsername))]
    public string? Username { get; set; }

    public static ValidationResult? ValidateUsername(string? username) =>
        UsernameRules.Validate(username) is { } problem ? new ValidationResult(problem) : ValidationResult.Success;
}
