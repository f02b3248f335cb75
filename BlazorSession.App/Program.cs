using BlazorSession.App.Components;
using BlazorSession.App.Hosting;
using BlazorSession.App.Session;

var builder = WebApplication.CreateBuilder(args);

// The build output (not only a publish) serves blazor.web.js in every environment, so the binaries that tests
// and users run behave the same.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = AppLimits.RequestBodyBytes);

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents(AppLimits.ConfigureCircuits)
    .AddHubOptions(AppLimits.ConfigureHub);
builder.Services.AddAppDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddAppSession(builder.Configuration);
builder.Services.AddBehindProxy();
builder.Services.AddAppHealthChecks(builder.Configuration);
builder.Services.AddAppTelemetry(builder.Configuration);
builder.Services.AddLoadTestDiagnostics(builder.Configuration);
builder.Services.AddCircuitCapacity(builder.Configuration);

var app = builder.Build();

app.UseBehindProxy();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseSecurityHeaders();
app.UseCircuitCapacity();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthorization();
app.UseBrowserSession();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAppHealthChecks();
app.MapAppTelemetry(app.Configuration);
app.MapRazorComponents<App>()
    .AnswerHeadRequests()
    .AddInteractiveServerRenderMode(options =>
    {
        // Circuit messages are small render batches and interop calls: deflating each one costs both ends CPU and
        // a zlib state per connection for a few bytes saved.
        options.ConfigureWebSocketAcceptContext = (_, acceptContext) =>
        {
            acceptContext.DangerousEnableCompression = false;
            return Task.CompletedTask;
        };
        // The app's own policy (SecurityHeaders) has frame-ancestors 'none'; a second header would only be noise.
        options.ContentSecurityFrameAncestorsPolicy = null;
    });

app.Run();
