// The page's own functions that the circuit calls; the other scripts add theirs to the same object.
(() => {
    window.blazorSession = {
        // DocumentTitle.
        setTitle: title => { document.title = title; },
    };
})();
