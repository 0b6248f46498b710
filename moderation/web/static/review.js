// Keyboard shortcuts for the review page. Every action presses a button of a server-rendered
// form, so the page works the same without this script. Loaded from our origin only (CSP).
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("article.item"));
  var help = document.getElementById("help");
  var current = 0;
  var stored = parseInt(sessionStorage.getItem("review-current") || "0", 10);
  sessionStorage.removeItem("review-current");

  function select(index, scroll) {
    if (!items.length) { return; }
    index = Math.max(0, Math.min(items.length - 1, index));
    items[current].classList.remove("current");
    current = index;
    items[current].classList.add("current");
    if (scroll !== false) { items[current].scrollIntoView({block: "nearest"}); }
  }

  function press(selector) {
    if (!items.length) { return; }
    var button = items[current].querySelector(selector);
    if (!button) { return; }
    // After the reload, stay at the same position: the decided item is gone, its successor moves up.
    sessionStorage.setItem("review-current", String(current));
    button.form.requestSubmit(button);
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": press("button.approve"); break;
      case "r": press("button.reject"); break;
      case "c": press("button.claim-button"); break;
      case "x":
        if (items.length) { var box = items[current].querySelector("input[type=checkbox]"); box.checked = !box.checked; }
        break;
      case "?": help.open = !help.open; break;
      case "Escape": help.open = false; break;
      default: return;
    }
    event.preventDefault();
  });

  items.forEach(function (item, index) {
    item.addEventListener("click", function () { select(index, false); });
  });
  select(isNaN(stored) ? 0 : stored);
  document.documentElement.setAttribute("data-keys", "ready");  // lets tests wait for the shortcuts
})();
