(() => {
    // What the scripts before it added (type-ahead.js), used only if there; and the
    // markup this script needs before it, listed in InlineDocumentAssets.
    const blazorSession = window.blazorSession ??= {};
    const retriesKey = "blazorSessionStartRetries";
    const maxReloads = 3;
    const showErrorAfterMs = 5000;
    const errorUi = document.getElementById("blazor-error-ui");
    // The reconnect display is the app's own (App.razor): the framework only marks it.
    const reconnectDisplay = document.getElementById("components-reconnect-modal");
    let interactive = false;
    let recovering = false;

    // The framework wires the error bar's Dismiss once it has started; the page may need it before that.
    errorUi.querySelector(".dismiss").addEventListener("click", () => errorUi.style.display = "none");
    const showErrorUi = () => errorUi.style.display = "block";

    const setRetries = retries => {
        const { [retriesKey]: _, ...rest } = history.state ?? {};
        history.replaceState(retries === 0 ? rest : { ...rest, [retriesKey]: retries }, "");
    };

    // <main> is a child of <body> (MainLayout), and the circuit's first render replaces the body's children: only
    // those are watched, so the parse and the page's own updates cost the observer nothing.
    const firstRender = new MutationObserver(() => {
        if (document.body.querySelector(":scope > main[data-interactive]") !== null) {
            interactive = true;
            firstRender.disconnect();
            if (history.state?.[retriesKey] !== undefined) {
                setRetries(0);
            }
        }
    });
    firstRender.observe(document.body, { childList: true });

    // The fingerprinted address, from the script element (so that this text, and its hash, never change per page).
    const frameworkScript = document.currentScript.dataset.frameworkSrc;
    // What the page needs to start: the framework script's headers, a few hundred bytes.
    const serverAnswers = () => fetch(frameworkScript, { method: "HEAD", cache: "no-store" })
        .then(response => response.ok, () => false);

    // What the circuit cannot be told while its socket is not open: the connection closing (the close event can
    // come hundreds of milliseconds after the socket stopped sending), or closed and not reconnected yet. SignalR
    // refuses to send then and the framework never sends again, so a change or a Save would vanish without a word.
    // Such events are held here, kept from the framework, and handed to the circuit in order once it is reconnected.
    let socket = null;
    let connectionDown = false;
    const held = [];
    const heldSubmits = new Set();
    const canTellTheCircuit = () => !interactive || (!connectionDown && socket?.readyState === WebSocket.OPEN);
    const hold = (event, replay, submits = null) => {
        event.preventDefault();
        event.stopImmediatePropagation();
        held.push(replay);
        if (submits) {
            heldSubmits.add(submits);
        }
    };
    window.addEventListener("change", event => {
        if (!canTellTheCircuit()) {
            const input = event.target;
            hold(event, () => input.dispatchEvent(new Event("change", { bubbles: true })));
        }
    }, { capture: true });
    // Links and buttons of the page, not those of the reconnect display or the error bar. A click on Save is held
    // as a click, so its form's submission waits with it.
    window.addEventListener("click", event => {
        const control = event.target.closest?.("a[href], button");
        if (control && !control.closest("#components-reconnect-modal, #blazor-error-ui") && !canTellTheCircuit()) {
            hold(event, () => control.click(), control.type === "submit" ? control.form : null);
        }
    }, { capture: true });
    // Enter in a form without a submit button submits it without a click.
    window.addEventListener("submit", event => {
        if (!canTellTheCircuit()) {
            const form = event.target;
            hold(event, () => form.requestSubmit(), form);
        }
    }, { capture: true });
    const handOverHeldEvents = () => {
        heldSubmits.clear();
        for (const replay of held.splice(0)) {
            replay();
        }
    };

    // Every reload the page makes by itself, once typing has paused (TypeAheadScript): what was typed is kept, and a
    // Save held for a circuit that is gone is made again after it. A key pressed while the next document is being
    // committed would reach neither page, so the fields take no more keys and the page says it is reconnecting.
    const reloadKeepingTypedText = () => {
        blazorSession.keepTypedTextForReload?.([...heldSubmits]);
        reconnectDisplay.classList.add("components-reconnect-show");
        location.reload();
    };

    const reloadOnceTheServerAnswers = async () => {
        const since = performance.now();
        for (let delay = 250; ; delay = Math.min(delay * 2, 4000)) {
            if (interactive) {
                return;
            }
            if (await serverAnswers()) {
                await blazorSession.typingPaused?.();
                if (!interactive) {
                    reloadKeepingTypedText();
                }
                return;
            }
            if (performance.now() - since > showErrorAfterMs) {
                showErrorUi();
            }
            await new Promise(resolve => setTimeout(resolve, delay));
        }
    };

    const recover = reason => {
        if (interactive || recovering) {
            return;
        }
        recovering = true;
        const retries = history.state?.[retriesKey] ?? 0;
        if (retries >= maxReloads) {
            console.error(`The page could not become interactive (${reason}) after ${retries} reloads.`);
            showErrorUi();
            return;
        }
        console.warn(`The page is not interactive yet (${reason}): it reloads once the server answers.`);
        setRetries(retries + 1);
        blazorSession.keepTypedText?.();
        reloadOnceTheServerAnswers();
    };

    // The circuit's sockets, so that one closing before the first render is noticed whatever the framework does.
    class CircuitSocket extends WebSocket {
        constructor(...args) {
            super(...args);
            socket = this;
            this.addEventListener("close", () => recover("the connection closed before the first render"));
        }
    }

    // Before the first render the framework's reconnect would only meet a circuit whose render it cannot take
    // ("There is no browser renderer with ID 1", logged by the server as an unhandled exception in the circuit):
    // the page reloads instead. After it, the framework's own handler shows its display and reconnects.
    // What was typed is kept as the connection drops: if the reconnect is rejected, the framework reloads the page.
    const reconnectionHandler = {
        onConnectionDown: (...args) => {
            if (!interactive) {
                recover("the connection was lost before the first render");
                return;
            }
            connectionDown = true;
            blazorSession.keepTypedText?.();
            Blazor.defaultReconnectionHandler.onConnectionDown(...args);
        },
        onConnectionUp: () => {
            connectionDown = false;
            Blazor.defaultReconnectionHandler.onConnectionUp();
            handOverHeldEvents();
        },
    };

    // The page reconnects on Try again and reloads when the server has rejected the circuit (it no longer exists
    // there).
    const reload = async () => {
        await blazorSession.typingPaused?.();
        reloadKeepingTypedText();
    };
    reconnectDisplay.addEventListener("components-reconnect-state-changed", event => {
        if (event.detail.state === "rejected") {
            reload();
        }
    });
    reconnectDisplay.querySelector("[data-reconnect-retry]").addEventListener("click", async () => {
        if (!await Blazor.reconnect()) {
            reload();
        }
    });

    // Without enhanced navigation: every page is interactive, so once the circuit is up its router handles links;
    // before that, an enhanced navigation raced the circuit's start (the next page's head and prerendered form
    // patched in, then the circuit rendering the page it started on, its form never enabled). A link clicked before
    // the circuit is up is a plain page load.
    const start = () => Blazor.start({
        ssr: { disableDomPreservation: true },
        circuit: {
            initializers: { beforeStart: [], afterStarted: [] },
            configureSignalR: builder => builder.withUrl("_blazor", { skipNegotiation: true, transport: 1, WebSocket: CircuitSocket }),
            reconnectionHandler,
        }
    }).catch(() => recover("the circuit did not start"));

    const addFramework = () => {
        const framework = document.createElement("script");
        framework.src = frameworkScript;
        framework.setAttribute("autostart", "false");
        framework.addEventListener("load", start);
        framework.addEventListener("error", () => recover("the framework script did not load"));
        document.body.append(framework);
    };
    addFramework();
})();
