// Keyboard for the review pages. The pages work without it: every key has a link or a button.
(function () {
  "use strict";
  var page = document.body.getAttribute("data-page");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-href]"));
  var at = -1;

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function select(i) {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (row, j) { row.classList.toggle("selected", j === at); });
    rows[at].querySelector("a").focus();
  }

  function go(selector) {
    var link = document.querySelector(selector);
    if (link) window.location.href = link.href;
    return Boolean(link);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    var el;
    if (event.key === "/") {
      el = document.querySelector("[data-key-search]");
      if (el) { event.preventDefault(); el.focus(); el.select(); }
    } else if (page === "inbox") {
      if (event.key === "j") { event.preventDefault(); select(at + 1); }
      else if (event.key === "k") { event.preventDefault(); select(at - 1); }
    } else if (page === "invoice") {
      if (event.key === "j") go("a[rel=next]");
      else if (event.key === "k") go("a[rel=prev]");
      else if (event.key === "a") {
        el = document.getElementById("approve");
        if (el) { event.preventDefault(); el.submit(); }
      } else if (event.key === "e") {
        el = document.querySelector(".field.doubtful input") || document.querySelector("#fields input[type=text]");
        if (el) { event.preventDefault(); el.focus(); el.select(); }
      }
    }
  });
})();
