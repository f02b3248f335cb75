(() => {
    const keptKey = "blazorSessionTypedText";
    const early = new Map();

    const withoutKept = () => {
        const { [keptKey]: _, ...rest } = history.state ?? {};
        return rest;
    };
    const kept = history.state?.[keptKey] ?? {};
    if (history.state?.[keptKey] !== undefined) {
        history.replaceState(withoutKept(), "");
    }

    const keepTypedText = () => {
        const inputs = {};
        for (const input of document.querySelectorAll("input[data-type-ahead]")) {
            const focused = document.activeElement === input;
            if (input.value !== "" || focused) {
                inputs[input.id] = {
                    value: input.value,
                    focused,
                    selection: [input.selectionStart, input.selectionEnd, input.selectionDirection],
                    submitRequested: early.get(input.id)?.submitRequested ?? false,
                };
            }
        }
        const rest = withoutKept();
        history.replaceState(Object.keys(inputs).length === 0 ? rest : { ...rest, [keptKey]: inputs }, "");
    };
    window.blazorSession.keepTypedText = keepTypedText;
    // Before the navigation starts: a history entry changed while the page is already being replaced (pagehide)
    // may not reach the next document.
    window.addEventListener("beforeunload", keepTypedText);

    const restore = (input, entry) => {
        const saved = kept[input.id];
        if (saved === undefined) {
            return;
        }
        input.value = saved.value;
        entry.submitRequested = saved.submitRequested;
        if (saved.focused) {
            input.focus();
            input.setSelectionRange(...saved.selection);
        }
    };

    const enable = input => {
        const entry = { input, focused: false, submitRequested: false };
        input.addEventListener("focus", () => entry.focused = true);
        // Removing a focused element fires blur while it is still connected; the hand-over runs later in that
        // same task, so a blur only counts once the task is over and the input is still there.
        input.addEventListener("blur", () => setTimeout(() => entry.focused &&= !input.isConnected));
        input.addEventListener("keydown", event => entry.submitRequested ||= event.key === "Enter" && !event.isComposing);
        // The browser must never submit the prerendered form itself: it would post the name in a page load that
        // saves nothing and loses what was typed.
        input.form?.addEventListener("submit", event => event.preventDefault());
        input.disabled = false;
        early.set(input.id, entry);
        restore(input, entry);
    };

    const commitOnLeave = input => {
        let committed = false;
        const commit = () => {
            if (!committed) {
                committed = true;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            }
        };
        input.addEventListener("change", () => committed = true, { once: true });
        input.addEventListener("blur", commit, { once: true });
        // Blazor handles submit while it is captured at the document, so the value must go first: the window
        // sees the event before the document does.
        window.addEventListener("submit", event => event.target === input.form && commit(), { capture: true });
    };

    const handOver = ({ input: prerendered, focused, submitRequested }, replacement) => {
        const typed = prerendered.value !== "" && replacement.value === "";
        if (typed) {
            replacement.value = prerendered.value;
        }
        // Focus moves over even with nothing typed yet: the next keystroke must not land on the page's body.
        if (focused) {
            replacement.focus();
            replacement.setSelectionRange(prerendered.selectionStart, prerendered.selectionEnd,
                prerendered.selectionDirection);
        }
        if (typed) {
            commitOnLeave(replacement);
            if (submitRequested) {
                replacement.form?.requestSubmit();
            }
        }
    };

    const observer = new MutationObserver(() => {
        for (const input of document.querySelectorAll("input[data-type-ahead]")) {
            const entry = early.get(input.id);
            if (entry === undefined && input.disabled) {
                enable(input);
            } else if (entry !== undefined && entry.input !== input) {
                early.delete(input.id);
                handOver(entry, input);
            }
        }
        if (early.size === 0 && document.readyState !== "loading") {
            observer.disconnect();
        }
    });
    observer.observe(document, { childList: true, subtree: true });
})();
