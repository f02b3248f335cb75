import { followPermanentSessionNow } from "./BlazorSession.lib.module.js";

// Tells a circuit when another tab of the browser changes or ends the permanent session. The browser fires "storage"
// in every other tab of the origin when one changes localStorage (a null key is localStorage.clear()); the tab that
// made the change already knows. One listener per page, replaced on a reconnection, and removed once a call fails
// because the circuit is gone (PermanentSessionListener.cs).
let following = null;

export function followPermanentSession(session, key) {
    window.removeEventListener("storage", following);
    const listener = event => {
        if (event.storageArea === localStorage && (event.key === key || event.key === null)) {
            session.invokeMethodAsync("PermanentSessionChanged")
                .catch(() => window.removeEventListener("storage", listener));
        }
    };
    following = listener;
    window.addEventListener("storage", listener);
}

// This tab's circuit changed the permanent session: the cookie copy that new tabs' first requests carry follows it.
export function permanentSessionWritten() {
    followPermanentSessionNow();
}
