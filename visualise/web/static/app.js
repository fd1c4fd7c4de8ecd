// lcg serve: search as you type and sortable tables. Every text from the data goes in as text (textContent),
// never as HTML; requests go only to this app (the page's CSP allows nothing else).
(function () {
  "use strict";

  function liveSearch(input) {
    var box = document.getElementById(input.getAttribute("data-live-search"));
    var timer = null, last = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last) { return; }
        last = q;
        if (!q) { box.textContent = ""; return; }
        fetch("/api/search?limit=20&q=" + encodeURIComponent(q), {credentials: "same-origin"})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (rows) {
            if (q !== last) { return; }
            box.textContent = "";
            if (!rows.length) {
              var p = document.createElement("p");
              p.className = "none";
              p.textContent = "Nothing matches \u201c" + q + "\u201d.";
              box.appendChild(p);
              return;
            }
            var ul = document.createElement("ul");
            ul.className = "hits";
            rows.forEach(function (row) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = "/entity?id=" + encodeURIComponent(row.id);
              a.textContent = row.name;
              var kind = document.createElement("span");
              kind.className = "kind";
              kind.textContent = row.kind;
              li.appendChild(a);
              li.appendChild(document.createTextNode(" "));
              li.appendChild(kind);
              if (row.matched !== row.name) {
                var m = document.createElement("span");
                m.className = "matched";
                m.textContent = " matched \u201c" + row.matched + "\u201d";
                li.appendChild(m);
              }
              ul.appendChild(li);
            });
            box.appendChild(ul);
          })
          .catch(function () { /* keep the last results; the form still works without script */ });
      }, 120);
    });
  }

  function sortable(table) {
    var buttons = table.querySelectorAll("thead button.sort");
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var col = Number(button.getAttribute("data-col"));
        var th = button.parentNode;
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var c = row.cells[col];
          if (!c) { return ""; }
          var n = c.getAttribute("data-sort");
          return n !== null ? Number(n) : c.textContent.trim().toLowerCase();
        }
        rows.sort(function (x, y) {
          var a = key(x), b = key(y);
          var r = (typeof a === "number" && typeof b === "number") ? a - b : String(a).localeCompare(String(b));
          return ascending ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-live-search]").forEach(liveSearch);
    document.querySelectorAll("table.sortable").forEach(sortable);
  });
}());
