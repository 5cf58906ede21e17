// relgraph serve: keeps an open map in step with the model file. Asks the server every
// quarter second what changed: a new map reloads the page, keeping the zoom, the slider
// date and the selection (window.relgraph.state / restore); a broken save shows its
// problems in #diagnostics and leaves the last good map as it is.
(function () {
  "use strict";
  var KEY = "relgraph-live-state";
  var box = document.getElementById("diagnostics");
  var meta = document.querySelector('meta[name="relgraph-page"]');
  var page = meta ? meta.getAttribute("content") : null;
  try {
    var saved = sessionStorage.getItem(KEY);
    if (saved && window.relgraph && window.relgraph.restore) {
      sessionStorage.removeItem(KEY);
      window.relgraph.restore(JSON.parse(saved));
    }
  } catch (e) { /* no storage: start from the fitted map */ }

  function show(problems) {
    box.textContent = "";
    problems.forEach(function (line) {
      var row = document.createElement("div");
      row.textContent = line;
      box.appendChild(row);
    });
    box.hidden = problems.length === 0;
  }

  function poll() {
    fetch("/state", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        show(s.diagnostics || []);
        if (String(s.page) !== page) {
          try { sessionStorage.setItem(KEY, JSON.stringify(window.relgraph.state())); } catch (e) { /* reload fitted */ }
          location.reload();
          return;
        }
        setTimeout(poll, 250);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
