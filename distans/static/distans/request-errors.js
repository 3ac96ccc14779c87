/* Every htmx request that fails says so where the user acted; none is a silent no-op.

   A refusal the server words as a fragment (409 conflict, 422 invalid) is swapped in by htmx
   itself (responseHandling in base.html's htmx-config): the fragment carries its role="alert"
   reason. Everything else that fails (403, 404, 500, a plain-text answer, no connection, no
   answer in time, a sign-in page in place of the answer) leaves the page as it was and shows a
   short message next to the element that made the request, or in the page's alert region when
   that element is gone. The texts are the page's, in the user's language (data-* attributes on
   #request-alert). */
(function () {
  "use strict";

  var MAX_SERVER_TEXT = 300; // a longer plain-text answer is not a message meant for people
  var shown = new WeakMap(); // requesting element -> its message
  var regionOwner = null; // the element whose message the page's alert region shows

  function text(name) {
    var region = document.getElementById("request-alert");
    return (region && region.dataset[name]) || "";
  }

  function plainText(body) {
    var trimmed = (body || "").trim();
    if (!trimmed || trimmed.charAt(0) === "<" || trimmed.length > MAX_SERVER_TEXT) {
      return "";
    }
    return trimmed;
  }

  function isFragment(body) {
    var trimmed = (body || "").trim().slice(0, 100).toLowerCase();
    return trimmed.charAt(0) === "<" && trimmed.indexOf("<!doctype") !== 0 && trimmed.indexOf("<html") !== 0;
  }

  function generic(status) {
    if (status === 403) return text("forbidden");
    if (status === 404) return text("missing");
    return text("failed");
  }

  // Where a message can stand after the element without breaking the markup around it.
  function anchorFor(elt) {
    if (!elt || elt === document.body || !elt.isConnected) return null;
    var inTable = elt.closest("table");
    if (inTable && elt !== inTable) return inTable.closest(".table-wrap") || inTable;
    if (elt.matches("option, li, dt, dd, summary")) return elt.parentElement;
    return elt;
  }

  function clear(elt) {
    var message = elt && shown.get(elt);
    if (message) {
      message.remove();
      shown.delete(elt);
    }
    var region = document.getElementById("request-alert");
    if (region && regionOwner === elt) {
      region.textContent = "";
      regionOwner = null;
    }
  }

  function show(elt, message) {
    var anchor = anchorFor(elt);
    var region = document.getElementById("request-alert");
    if (!anchor) {
      if (region && region.textContent !== message) {
        region.textContent = message;
      }
      regionOwner = elt;
      return;
    }
    var note = shown.get(elt);
    if (!note || !note.isConnected) {
      note = document.createElement("p");
      note.className = "notice error request-error";
      note.setAttribute("role", "alert");
      anchor.insertAdjacentElement("afterend", note);
      shown.set(elt, note);
    }
    if (note.textContent !== message) { // a poll that fails again is not announced again
      note.textContent = message;
    }
  }

  function signedOut(xhr) {
    var login = text("loginPath");
    if (!login || !xhr.responseURL) return false;
    try {
      return new URL(xhr.responseURL).pathname === login;
    } catch (error) {
      return false;
    }
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    var xhr = detail.xhr;
    var status = xhr.status;
    if (status < 400) {
      if (signedOut(xhr)) { // the session ended: the answer is the sign-in page
        detail.shouldSwap = false;
        show(detail.requestConfig.elt, text("signedOut"));
      } else {
        clear(detail.requestConfig.elt);
      }
      return;
    }
    if (detail.shouldSwap && isFragment(xhr.responseText)) {
      clear(detail.requestConfig.elt); // a refusal in the server's words, swapped in place
      return;
    }
    detail.shouldSwap = false;
    detail.isError = true;
    show(detail.requestConfig.elt, plainText(xhr.responseText) || generic(status));
  });

  document.addEventListener("htmx:sendError", function (event) {
    show(event.detail.elt, text("offline"));
  });

  document.addEventListener("htmx:timeout", function (event) {
    show(event.detail.elt, text("timeout"));
  });

  // The answer came but could not be put in place (a missing target, a broken fragment).
  ["htmx:swapError", "htmx:targetError", "htmx:onLoadError"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      show(event.detail.elt || event.target, text("failed"));
    });
  });
})();
