// The page's own functions that the circuit calls (DocumentTitle); the other scripts add theirs to the same object.
window.blazorSession = { setTitle: title => { document.title = title; } };
