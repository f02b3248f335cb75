// The page's own functions that the circuit calls; the other scripts add theirs to the same object.
(() => {
    let followingSignIn = null;

    window.blazorSession = {
        // DocumentTitle.
        setTitle: title => { document.title = title; },

        // RememberedSignInListener, on every connection of the circuit: the browser fires "storage" in every other
        // tab of the origin when one changes localStorage (a null key is localStorage.clear()). One listener per
        // page, replaced on a reconnection, and removed once a call fails because the circuit is gone.
        followRememberedSignIn: (circuit, key) => {
            window.removeEventListener("storage", followingSignIn);
            const listener = event => {
                if (event.storageArea === localStorage && (event.key === key || event.key === null)) {
                    circuit.invokeMethodAsync("RememberedSignInChanged")
                        .catch(() => window.removeEventListener("storage", listener));
                }
            };
            followingSignIn = listener;
            window.addEventListener("storage", listener);
        },
    };
})();
