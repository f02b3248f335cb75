using System.Globalization;
using BlazorSession.LoadTest.Protocol;

namespace BlazorSession.LoadTest;

/// <summary>
/// One person using the app in one tab: opens the set-session page, saves a name (every other save with "Keep me
/// signed in" ticked), goes to the get-session page and sees it, then to the members page and is welcomed, adds a
/// product to the cart, goes back to the form, and so on. On the <see cref="Journey.Tutorial"/> journey the person
/// only saves a name (never ticking the box), sees it and goes back to the form. Every element is found in the mirrored DOM the way a person finds it (the input labelled
/// "Username", the "Save" button), never by a hard-coded handler id.
/// </summary>
internal sealed class SimulatedUser(int number, Uri baseUri, HttpClient http, LoadMetrics metrics, Journey journey)
    : IAsyncDisposable
{
    public const string SetSessionPath = "set-session";
    public const string GetSessionPath = "get-session";
    public const string MembersPath = "members";
    public const string CartPath = "cart";
    public const string SavedMessage = "Session data set successfully!";
    public const string KeepSignedInLabel = "Keep me signed in";

    /// <summary>Where the browser script sends its unload beacon.</summary>
    public const string DisconnectPath = "_blazor/disconnect";

    // The simulated browser's localStorage, where "Keep me signed in" keeps the name: this person's own.
    private readonly Dictionary<string, string> _localStorage = new(StringComparer.Ordinal);
    /// <summary>
    /// A person does not close a tab within a moment of the page changing; leaving sooner would often cut off the JS
    /// calls the server makes (a storage write after a save), and a circuit ended with a call unanswered stays in the
    /// server's memory until the call times out (a minute), which the capacity figures would then count.
    /// </summary>
    private static readonly TimeSpan QuietBeforeLeaving = TimeSpan.FromMilliseconds(250);

    private BlazorCircuit? _circuit;
    private int _saves;
    private Step _next = Step.SetUsername;

    private const string AddButtonText = "Add Earl Grey tea to cart";

    // The app's catalog (BlazorSession.App/Shop/Catalog.cs), as its Add buttons name its products.
    private static readonly string[] CatalogProducts = ["Earl Grey tea", "Sencha green tea", "Shortbread biscuits", "Wildflower honey"];


    public const int CatalogSize = 4;

    private const int EmptyTheCartAt = 90;

    private enum Step
    {
        SetUsername,
        ShowUsername,
        ShowMembers,
        AddToCart,
        ReturnToForm,
    }

    public bool IsConnected => _circuit?.IsConnected == true;

    public string? Username { get; private set; }

    /// <summary>Loads the prerendered form and makes it interactive. False when a step failed (it is counted).</summary>
    public async Task<bool> StartAsync(CancellationToken cancellationToken)
    {
        var pageUri = new Uri(baseUri, SetSessionPath);
        PrerenderedPage? page = null;
        if (!await metrics.MeasureAsync(StepNames.Prerender, async token =>
            {
                using var response = await http.GetAsync(pageUri, token);
                if (!response.IsSuccessStatusCode)
                {
                    throw new LoadTestException(ErrorKinds.Http, $"GET {pageUri} answered {(int)response.StatusCode}.");
                }

                page = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(token));
            }, cancellationToken))
        {
            return false;
        }

        return await metrics.MeasureAsync(StepNames.StartCircuit, async token =>
        {
            _circuit = await BlazorCircuit.StartAsync(baseUri, pageUri, page!, metrics, _localStorage, token);
            await _circuit.WaitForAsync(IsFormReady, token);
        }, cancellationToken);
    }

    /// <summary>Runs the next step of the journey. False when it failed (it is counted).</summary>
    public async Task<bool> RunNextStepAsync(CancellationToken cancellationToken)
    {
        var step = _next;
        _next = step switch
        {
            Step.SetUsername => Step.ShowUsername,
            Step.ShowUsername when journey == Journey.Tutorial => Step.ReturnToForm,
            Step.ShowUsername => Step.ShowMembers,
            Step.ShowMembers => Step.AddToCart,
            Step.AddToCart => Step.ReturnToForm,
            _ => Step.SetUsername,
        };

        return step switch
        {
            Step.SetUsername => await metrics.MeasureAsync(StepNames.SetUsername, SetUsernameAsync, cancellationToken),
            Step.ShowUsername => await metrics.MeasureAsync(StepNames.ShowUsername, ShowUsernameAsync, cancellationToken),
            Step.ShowMembers => await metrics.MeasureAsync(StepNames.ShowMembers, ShowMembersAsync, cancellationToken),
            Step.AddToCart => await metrics.MeasureAsync(StepNames.AddToCart, AddToCartAsync, cancellationToken),
            _ => await metrics.MeasureAsync(StepNames.ReturnToForm, ReturnToFormAsync, cancellationToken),
        };
    }

    /// <summary>
    /// Ends the tab's life. <see cref="Departure.Clean"/> is a tab closed in a browser: the unload beacon
    /// (<c>POST _blazor/disconnect</c> with the circuit id, after which the server disposes the circuit at once) and
    /// the socket closed with a WebSocket close. <see cref="Departure.Dropped"/> is a laptop lid shut: no beacon and
    /// no close, so the server finds out through its client timeout and then retains the circuit for a reconnect
    /// that never comes. False when the beacon failed (it is counted).
    /// </summary>
    public async Task<bool> LeaveAsync(Departure departure, CancellationToken cancellationToken)
    {
        if (_circuit is null)
        {
            return true;
        }

        await _circuit.WaitUntilQuietAsync(QuietBeforeLeaving, cancellationToken);
        if (departure == Departure.Dropped)
        {
            await _circuit.DropAsync();
            return true;
        }

        var circuitId = _circuit.CircuitId;
        var beaconSent = await metrics.MeasureAsync(StepNames.Leave, async token =>
        {
            using var form = new FormUrlEncodedContent([KeyValuePair.Create("circuitId", circuitId ?? "")]);
            using var response = await http.PostAsync(new Uri(baseUri, DisconnectPath), form, token);
            if (!response.IsSuccessStatusCode)
            {
                throw new LoadTestException(ErrorKinds.Http, $"The unload beacon was answered {(int)response.StatusCode}.");
            }
        }, cancellationToken);
        await _circuit.DisposeAsync();
        return beaconSent;
    }

    /// <summary>The circuit's <see cref="Departure.Dropped"/> connection, closed by the server; see <see cref="BlazorCircuit.DroppedConnectionClosedByServer"/>.</summary>
    public Task<TimeSpan?> DroppedConnectionClosedByServer =>
        _circuit?.DroppedConnectionClosedByServer ?? Task.FromResult<TimeSpan?>(null);

    public async ValueTask DisposeAsync()
    {
        if (_circuit is not null)
        {
            await _circuit.DisposeAsync();
        }
    }

    private BlazorCircuit Circuit => _circuit ?? throw new InvalidOperationException("The circuit has not started.");

    /// <summary>
    /// Types a new name into the Username field, leaves it (change), ticks "Keep me signed in" on every other save
    /// of the full journey (the form starts unticked), presses Save (submit) and waits for the confirmation.
    /// </summary>
    private async Task SetUsernameAsync(CancellationToken cancellationToken)
    {
        var username = string.Create(CultureInfo.InvariantCulture, $"user{number}-{++_saves}");
        var keepSignedIn = journey == Journey.Full && _saves % 2 == 1;
        if (keepSignedIn)
        {
            // A person ticks the box, then types. The tick re-renders the form's inputs (their validation state), which
            // gives their handlers new ids, so the field's and the form's are read only once that render has arrived:
            // it comes before the answer to the dispatch, on the same connection.
            var checkbox = Circuit.Read(dom => FindLabelledInput(dom, KeepSignedInLabel)
                ?? throw new LoadTestException(ErrorKinds.Protocol, $"No enabled checkbox labelled \"{KeepSignedInLabel}\"."));
            await Circuit.DispatchEventAsync(Handler(checkbox, "change"), "change",
                new { componentId = checkbox.ComponentId, fieldValue = true }, new { value = true }, cancellationToken);
        }

        var (input, form) = Circuit.Read(dom =>
        {
            var field = FindUsernameInput(dom)
                ?? throw new LoadTestException(ErrorKinds.Protocol, "No enabled input labelled \"Username\".");
            var save = dom.FindByText("button", "Save")
                ?? throw new LoadTestException(ErrorKinds.Protocol, "No \"Save\" button.");
            return (field, save.Closest("form") ?? throw new LoadTestException(ErrorKinds.Protocol, "The Save button is not in a form."));
        });
        var changeHandler = Handler(input, "change");
        var submitHandler = Handler(form, "submit");

        // The browser sends the field's change before the submit it causes, without waiting in between.
        var change = Circuit.DispatchEventAsync(changeHandler, "change",
            new { componentId = input.ComponentId, fieldValue = username }, new { value = username }, cancellationToken);
        var submit = Circuit.DispatchEventAsync(submitHandler, "submit", null, new { }, cancellationToken);
        await Task.WhenAll(change, submit);

        var signedIn = "Signed in as " + username;
        await Circuit.WaitForAsync(dom =>
        {
            var text = dom.TextContent();
            return text.Contains(SavedMessage, StringComparison.Ordinal) && text.Contains(signedIn, StringComparison.Ordinal);
        }, cancellationToken);
        Username = username;
    }

    private async Task ShowUsernameAsync(CancellationToken cancellationToken)
    {
        var expected = "Session username: " + Username;
        await Circuit.NavigateAsync(GetSessionPath, cancellationToken);
        await Circuit.WaitForAsync(dom => dom.FindById("result")?.TextContent() == expected, cancellationToken);
    }

    /// <summary>The members page behind [Authorize]: the welcome for the name this tab saved.</summary>
    private async Task ShowMembersAsync(CancellationToken cancellationToken)
    {
        var expected = $"Welcome, {Username}. Only visitors who have signed in see this page.";
        await Circuit.NavigateAsync(MembersPath, cancellationToken);
        await Circuit.WaitForAsync(dom => dom.FindById("result")?.TextContent() == expected, cancellationToken);
    }

    /// <summary>
    /// The cart page: one more of a product, by its Add button, until the header counts it. A cart that holds many
    /// (a long run) is emptied instead, so the step never meets the cart's limit of 99 of one product.
    /// </summary>
    private async Task AddToCartAsync(CancellationToken cancellationToken)
    {
        await Circuit.NavigateAsync(CartPath, cancellationToken);
        await Circuit.WaitForAsync(dom => CartCount(dom) is not null && dom.FindByText("button", AddButtonText) is { } add
            && !add.HasAttribute("disabled"), cancellationToken);
        var (button, count) = Circuit.Read(dom =>
        {
            var count = CartCount(dom)!.Value;
            var button = count >= EmptyTheCartAt ? dom.FindByText("button", "Empty cart") : dom.FindByText("button", AddButtonText);
            return (button ?? throw new LoadTestException(ErrorKinds.Protocol, "No cart button to press."), count);
        });
        var expected = count >= EmptyTheCartAt ? 0 : count + 1;
        await Circuit.DispatchEventAsync(Handler(button, "click"), "click", null, new { detail = 1, button = 0 }, cancellationToken);
        await Circuit.WaitForAsync(dom => CartCount(dom) == expected, cancellationToken);
    }

    /// <summary>
    /// Puts one of each of the first <paramref name="lines"/> products in the cart, then goes back to the members
    /// page, where an idle user rests: the circuit then holds a cart of that many lines. False when it failed.
    /// </summary>
    public Task<bool> FillCartAsync(int lines, CancellationToken cancellationToken) =>
        metrics.MeasureAsync(StepNames.AddToCart, async token =>
        {
            await Circuit.NavigateAsync(CartPath, token);
            foreach (var product in CatalogProducts.Take(lines))
            {
                var name = $"Add {product} to cart";
                await Circuit.WaitForAsync(dom => CartCount(dom) is not null
                    && dom.FindByText("button", name) is { } add && !add.HasAttribute("disabled"), token);
                var (button, count) = Circuit.Read(dom => (dom.FindByText("button", name)!, CartCount(dom)!.Value));
                await Circuit.DispatchEventAsync(Handler(button, "click"), "click", null, new { detail = 1, button = 0 }, token);
                await Circuit.WaitForAsync(dom => CartCount(dom) == count + 1, token);
            }

            await ShowMembersAsync(token);
        }, cancellationToken);

    // The header's "Cart (N)": null while the session is not read ("Cart").
    private static int? CartCount(DomMirror dom) =>
        dom.Elements().FirstOrDefault(e => e.Name == "a" && e.Attribute("href") == CartPath)?.TextContent() is { } text
        && text.StartsWith("Cart (", StringComparison.Ordinal)
            ? int.Parse(text.AsSpan(6, text.Length - 7), CultureInfo.InvariantCulture)
            : null;

    private async Task ReturnToFormAsync(CancellationToken cancellationToken)
    {
        await Circuit.NavigateAsync(SetSessionPath, cancellationToken);
        await Circuit.WaitForAsync(
            dom => IsFormReady(dom) && !dom.TextContent().Contains(SavedMessage, StringComparison.Ordinal), cancellationToken);
    }

    private static bool IsFormReady(DomMirror dom) => FindUsernameInput(dom) is not null;

    /// <summary>The enabled input the "Username" label points at.</summary>
    private static DomMirror.ElementNode? FindUsernameInput(DomMirror dom) => FindLabelledInput(dom, "Username");

    private static DomMirror.ElementNode? FindLabelledInput(DomMirror dom, string label) =>
        dom.FindByText("label", label)?.Attribute("for") is { } id
        && dom.FindById(id) is { Name: "input" } input
        && !input.HasAttribute("disabled")
            ? input
            : null;

    private static ulong Handler(DomMirror.ElementNode element, string eventName) =>
        element.EventHandlers.TryGetValue(eventName, out var id)
            ? id
            : throw new LoadTestException(ErrorKinds.Protocol, $"{element} has no {eventName} handler.");
}

/// <summary>
/// The steps a simulated user takes. <see cref="Full"/> is today's app: save (Keep me signed in on every other
/// save), show, members, cart, back to the form. <see cref="Tutorial"/> is the tutorial's own three steps (save, show,
/// back to the form, never Keep me signed in), the journey an app from before the members page and the cart can
/// serve, so the two can be compared under the same load.
/// </summary>
public enum Journey
{
    Full,
    Tutorial,
}

/// <summary>How a tab's life ends (<see cref="SimulatedUser.LeaveAsync"/>).</summary>
public enum Departure
{
    Clean,
    Dropped,
}

/// <summary>The journey's steps as the report names them.</summary>
public static class StepNames
{
    public const string Prerender = "prerender";
    public const string StartCircuit = "startCircuit";
    public const string SetUsername = "setUsername";
    public const string ShowUsername = "showUsername";
    public const string ShowMembers = "showMembers";
    public const string AddToCart = "addToCart";
    public const string ReturnToForm = "returnToForm";

    /// <summary>The unload beacon of a tab that leaves cleanly (churn runs only).</summary>
    public const string Leave = "leave";

    public static IReadOnlyList<string> All { get; } =
        [Prerender, StartCircuit, SetUsername, ShowUsername, ShowMembers, AddToCart, ReturnToForm, Leave];
}
