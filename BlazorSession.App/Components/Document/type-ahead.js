(() => {
    // Whichever of the page's scripts runs first makes it (InlineDocumentAssets).
    const blazorSession = window.blazorSession ??= {};
    const keptKey = "blazorSessionTypedText";
    // The fields this script enables early and keeps across reloads (the server marks them).
    const fields = "input[data-type-ahead]";
    const early = new Map();

    const withoutKept = () => {
        const { [keptKey]: _, ...rest } = history.state ?? {};
        return rest;
    };
    const kept = history.state?.[keptKey] ?? {};
    if (history.state?.[keptKey] !== undefined) {
        history.replaceState(withoutKept(), "");
    }

    // A checkbox carries whether it is ticked; a text input its value, caret and an Enter not yet acted on.
    const isCheckbox = input => input.type === "checkbox";

    // Forms whose submit was held while the connection was down (CircuitStartScript): submitted after the reload.
    const submitsAfterReload = new Set();
    // Characters typed into a field made read-only for a reload (keepTypedTextForReload): not shown, but kept at
    // the field's caret.
    const typedWhileLeaving = new Map();
    const keptValue = input => {
        const typed = typedWhileLeaving.get(input.id);
        if (typed === undefined) {
            return { value: input.value, selection: [input.selectionStart, input.selectionEnd, input.selectionDirection] };
        }
        const [start, end] = [input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length];
        const caret = start + typed.length;
        return { value: input.value.slice(0, start) + typed + input.value.slice(end), selection: [caret, caret, "none"] };
    };

    const keepTypedText = (formsToSubmit = []) => {
        formsToSubmit.forEach(form => submitsAfterReload.add(form));
        const inputs = {};
        for (const input of document.querySelectorAll(fields)) {
            const focused = document.activeElement === input;
            if (isCheckbox(input)) {
                if (input.checked || focused) {
                    inputs[input.id] = { checked: input.checked, focused };
                }
            } else {
                const { value, selection } = keptValue(input);
                if (value !== "" || focused) {
                    inputs[input.id] = {
                        value,
                        focused,
                        selection,
                        submitRequested: (early.get(input.id)?.submitRequested ?? false) || submitsAfterReload.has(input.form),
                    };
                }
            }
        }
        const nothingToKeep = Object.keys(inputs).length === 0;
        // Replacing the state is a navigation the browser commits on its main thread (about 3 ms here), and on the way
        // out it delays the next page: so the entry is left alone when there is nothing to keep and nothing kept.
        if (nothingToKeep && history.state?.[keptKey] === undefined) {
            return;
        }
        const rest = withoutKept();
        history.replaceState(nothingToKeep ? rest : { ...rest, [keptKey]: inputs }, "");
    };
    blazorSession.keepTypedText = keepTypedText;

    // Before the navigation starts: a history entry changed while the page is already being replaced (pagehide)
    // may not reach the next document. Keys pressed while the next document loads still land here, so each one
    // is kept again until this page is gone. A beforeunload listener makes the browser ask the page before every
    // navigation away, which delays the next page's request (a few milliseconds on a reload), so it is added only
    // once a field has been used or has had something put back.
    let leaving = false;
    let listening = false;
    const keepOnLeaving = () => {
        leaving = true;
        keepTypedText();
    };
    const keepWhenLeaving = () => {
        if (!listening) {
            listening = true;
            window.addEventListener("beforeunload", keepOnLeaving);
        }
    };
    // Once the circuit shows a page without such fields (after-navigation.js announces each page it shows), there is
    // nothing left to keep, and leaving or reloading that page need not wait for this page to be asked.
    document.addEventListener("blazorsession:pageshown", () => {
        if (listening && history.state?.[keptKey] === undefined && !document.querySelector(fields)) {
            listening = false;
            window.removeEventListener("beforeunload", keepOnLeaving);
        }
    });
    const isTypeAhead = target => target.matches?.(fields) ?? false;
    document.addEventListener("focusin", event => isTypeAhead(event.target) && keepWhenLeaving(), { capture: true });
    document.addEventListener("input", event => {
        if (isTypeAhead(event.target)) {
            keepWhenLeaving();
            if (leaving) {
                keepTypedText();
            }
        }
    }, { capture: true });

    // A reload the page makes by itself (CircuitStartScript): the fields take no more keys, so none is shown and
    // then dropped while the next document is committed (a key pressed then reaches neither page); the characters
    // and an Enter pressed in a read-only field are kept with what it holds.
    blazorSession.keepTypedTextForReload = formsToSubmit => {
        for (const input of document.querySelectorAll(fields)) {
            input.readOnly = true;
        }
        keepTypedText(formsToSubmit);
    };

    // Such a reload first waits until no key has been pressed for a while, counted from when it asks.
    const typingPauseMs = 500;
    let lastKeyAt = -Infinity;
    document.addEventListener("keydown", event => {
        lastKeyAt = performance.now();
        const input = event.target;
        if (!input.readOnly || !isTypeAhead(input) || isCheckbox(input)
            || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
            return;
        }
        if (event.key === "Enter") {
            submitsAfterReload.add(input.form);
        } else if ([...event.key].length === 1) {
            typedWhileLeaving.set(input.id, (typedWhileLeaving.get(input.id) ?? "") + event.key);
        }
        keepTypedText();
    }, { capture: true });
    blazorSession.typingPaused = async () => {
        const askedAt = performance.now();
        for (let wait; (wait = Math.max(lastKeyAt, askedAt) + typingPauseMs - performance.now()) > 0;) {
            await new Promise(resolve => setTimeout(resolve, wait));
        }
    };

    const restore = (input, entry) => {
        const saved = kept[input.id];
        if (saved === undefined) {
            return;
        }
        keepWhenLeaving();
        if (isCheckbox(input)) {
            input.checked = saved.checked === true;
        } else {
            input.value = saved.value;
            entry.submitRequested = saved.submitRequested;
        }
        if (saved.focused) {
            input.focus();
            if (!isCheckbox(input)) {
                input.setSelectionRange(...saved.selection);
            }
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

    // A box ticked (or unticked) before the circuit was up: the circuit's box is set the same way and told at once,
    // as a click would have told it. Returns a promise settled once the circuit's render of that change is in the
    // page: the form marks the box "modified" (EditContext's field class) in the same render that gives the other
    // inputs new event handler ids. Until then nothing else is sent: an event carrying an id that a render the
    // framework has just had acknowledged replaced is dropped ("There is no event handler associated with this
    // event"), and under load a ticked box, then a name, then Enter lost the name.
    const handOverCheckbox = ({ input: prerendered, focused }, replacement) => {
        let rendered = Promise.resolve();
        if (prerendered.checked !== replacement.checked) {
            replacement.checked = prerendered.checked;
            rendered = new Promise(resolve => {
                const marked = new MutationObserver(() => {
                    if (replacement.classList.contains("modified") || !replacement.isConnected) {
                        marked.disconnect();
                        resolve();
                    }
                });
                marked.observe(replacement, { attributes: true, attributeFilter: ["class"] });
            });
            replacement.dispatchEvent(new Event("change", { bubbles: true }));
        }
        if (focused) {
            replacement.focus();
        }
        return rendered;
    };

    // Returns the form to submit once every input of the page has been handed over, if Enter was pressed.
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
                return replacement.form;
            }
        }
        return null;
    };

    // Enables the prerendered fields, and hands each over to the circuit's input that replaces it.
    const takeOverFields = () => {
        // Submitted once the boxes' changes are rendered: a box ticked before Enter must reach the circuit first.
        const toSubmit = new Set();
        const boxesRendered = [];
        for (const input of document.querySelectorAll(fields)) {
            const entry = early.get(input.id);
            if (entry === undefined && input.disabled) {
                enable(input);
            } else if (entry !== undefined && entry.input !== input) {
                early.delete(input.id);
                if (isCheckbox(input)) {
                    boxesRendered.push(handOverCheckbox(entry, input));
                } else {
                    toSubmit.add(handOver(entry, input));
                }
            }
        }
        toSubmit.delete(null);
        if (toSubmit.size > 0) {
            Promise.all(boxesRendered).then(() => toSubmit.forEach(form => form.isConnected && form.requestSubmit()));
        }
        if (early.size === 0 && document.readyState !== "loading") {
            observer.disconnect();
        }
    };
    const observer = new MutationObserver(takeOverFields);
    observer.observe(document, { childList: true, subtree: true });
    // The script comes after the page's content (App.razor): its fields are there already.
    takeOverFields();
})();
