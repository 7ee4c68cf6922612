/*
 * The task pane's first script, in ES5 so that every webview can run it. Office on some Windows
 * builds still shows add-ins in Internet Explorer 11 (Trident) or the old Microsoft Edge
 * (EdgeHTML), which cannot run the pane (React 19 and Fluent UI 9 need a current browser):
 * there the pane's own script fails to load, and without this the user would see "Loading…"
 * for ever. Instead it says, in plain words, what to update. It loads before the bundle from
 * this origin, so the Content-Security-Policy (script-src 'self') allows it.
 */
(function () {
  "use strict";
  var ua = (window.navigator && window.navigator.userAgent) || "";
  // Trident is Internet Explorer; "Edge/" (not Chromium Edge's "Edg/") is EdgeHTML.
  var old = /Trident\/|MSIE /.test(ua) || /\bEdge\/\d/.test(ua);
  if (!old) return;
  var MESSAGE =
    "This version of Office shows add-ins with Internet Explorer or the old Microsoft Edge, " +
    "which cannot run the Value for Money pane. To use it, update Office to Microsoft 365 " +
    "(Version 2101 or later) or Office 2021 or later, with the Microsoft Edge WebView2 Runtime " +
    "installed (Windows 10 and 11 have it once up to date). Or open the workbook in Excel on " +
    "the web, in Microsoft Edge, Chrome, Firefox or Safari.";
  function show() {
    var root = document.getElementById("root");
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var p = document.createElement("p");
    p.className = "vfm-loading";
    p.setAttribute("role", "alert");
    p.appendChild(document.createTextNode(MESSAGE));
    root.appendChild(p);
  }
  window.vfmUnsupportedWebview = MESSAGE;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
