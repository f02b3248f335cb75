// Installed by the benchmark as an init script: it runs in every document before the page's own scripts, and times
// the journey's steps inside the page, so the figures hold no automation overhead.
//
// Every time is absolute (performance.timeOrigin + a high-resolution page time), so a step that crosses a page load
// (the Flask app posts and navigates) is measured the same way as one inside a single page (Blazor's in-circuit
// navigation): the click time is kept in sessionStorage and read back by the next document.
(() => {
    if (window.__bench) {
        return;
    }

    const clickKey = "__bench_click";
    const origin = performance.timeOrigin;
    const bench = window.__bench = {
        // When this document's navigation started (load and reload are timed from here).
        navigationStart: origin,
        // First time each condition held in this document, absolute milliseconds.
        marks: {},
        // The last trusted click on a link or button, possibly from the previous document of this tab.
        lastClick: null,
        // Circuit traffic counts when a pointer last went down on a button or link.
        lastPress: null,
        // Circuit traffic by message name, both ways, to count interop round trips and render batches.
        received: {},
        sent: {},
        lastMessageAt: 0,
    };

    try {
        bench.lastClick = JSON.parse(sessionStorage.getItem(clickKey));
    } catch {
        // about:blank and other opaque documents have no sessionStorage; they have nothing to read either.
    }

    const now = () => origin + performance.now();
    // This script runs as the document is created, before anything of the page: the end of the previous page's turn.
    bench.marks.documentCreated = now();

    const conditions = {
        interactive: () => {
            const input = document.getElementById("username");
            return input !== null && !input.disabled;
        },
        confirmed: () => (document.body?.textContent ?? "").includes("Session data set successfully!"),
        nameShown: () => (document.getElementById("result")?.textContent ?? "").startsWith("Session username: "),
    };

    // The benchmark learns of a mark from this console line instead of polling the page: a poll makes Playwright
    // evaluate its own script in a fresh document (about 6 ms of the page's main thread here), which ran ahead of the
    // page's own work and was counted in the step it was waiting for.
    const markPrefix = "__bench:mark:";

    const check = () => {
        for (const [name, holds] of Object.entries(conditions)) {
            if (!(name in bench.marks) && holds()) {
                bench.marks[name] = now();
                console.debug(markPrefix + name);
            }
        }
    };

    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener("DOMContentLoaded", check);

    const actionTarget = event => event.isTrusted && event.target instanceof Element ? event.target.closest("a, button") : null;

    window.addEventListener("pointerdown", event => {
        if (actionTarget(event) !== null) {
            bench.lastPress = { received: { ...bench.received }, sent: { ...bench.sent } };
        }
    }, { capture: true });

    window.addEventListener("click", event => {
        const target = actionTarget(event);
        if (target === null) {
            return;
        }

        bench.lastClick = { at: origin + event.timeStamp, what: (target.textContent ?? "").trim() };
        try {
            sessionStorage.setItem(clickKey, JSON.stringify(bench.lastClick));
        } catch {
            // Nothing to carry over where there is no storage.
        }
    }, { capture: true });

    // Blazor's circuit messages are MessagePack (or JSON) invocations whose target names are plain ASCII in the
    // frame, so counting the names is enough; a frame can hold several messages.
    const names = {
        received: ["JS.RenderBatch", "JS.BeginInvokeJS", "JS.EndInvokeDotNet", "JS.AttachComponent"],
        sent: ["EndInvokeJSFromDotNet", "OnRenderCompleted", "DispatchBrowserEvent", "BeginInvokeDotNetFromJS",
            "OnLocationChanged", "StartCircuit", "UpdateRootComponents"],
    };
    const decoder = new TextDecoder("latin1");
    const count = (direction, data) => {
        bench.lastMessageAt = now();
        if (bench.marks.firstMessage === undefined && direction === "received") {
            bench.marks.firstMessage = bench.lastMessageAt;
        }

        const text = typeof data === "string" ? data
            : data instanceof ArrayBuffer ? decoder.decode(data)
            : ArrayBuffer.isView(data) ? decoder.decode(data) : "";
        const tally = bench[direction];
        for (const name of names[direction]) {
            let at = text.indexOf(name);
            while (at !== -1) {
                tally[name] = (tally[name] ?? 0) + 1;
                if (direction === "received" && name === "JS.RenderBatch") {
                    bench.marks.firstRenderBatch ??= bench.lastMessageAt;
                }
                if (direction === "sent" && name === "StartCircuit") {
                    bench.marks.startCircuitSent ??= bench.lastMessageAt;
                }
                at = text.indexOf(name, at + name.length);
            }
        }
    };

    const NativeWebSocket = window.WebSocket;
    window.WebSocket = class extends NativeWebSocket {
        constructor(...args) {
            super(...args);
            bench.marks.socketCreated ??= now();
            this.addEventListener("open", () => bench.marks.socketOpen ??= now());
            this.addEventListener("message", event => count("received", event.data));
        }

        send(data) {
            count("sent", data);
            super.send(data);
        }
    };
})();
