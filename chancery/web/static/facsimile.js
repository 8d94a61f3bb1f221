/* The page images of a document in OpenSeadragon: zoom and pan, page by page; the folio and
   page marks of the text ("f. 57", "p. 167") become buttons that turn the viewer to the page
   whose label has the same number; the list of pages turns it too. Without JavaScript (or
   OpenSeadragon) the list links to each page's image. */
(function () {
  "use strict";
  var section = document.querySelector(".facsimile");
  if (!section || !window.OpenSeadragon) { return; }
  var links = Array.prototype.slice.call(section.querySelectorAll(".facsimile-pages a"));
  if (!links.length) { return; }
  var element = document.getElementById("facsimile-viewer");
  var status = document.getElementById("facsimile-status");
  element.hidden = false;
  var article = section.closest(".document");
  if (article) { article.classList.add("has-facsimile"); }
  var viewer = window.OpenSeadragon({
    element: element,
    prefixUrl: "/static/openseadragon/images/",
    tileSources: links.map(function (link) { return link.getAttribute("data-info"); }),
    sequenceMode: links.length > 1,
    showNavigator: true,
    showRotationControl: true,
    crossOriginPolicy: false,
    gestureSettingsMouse: { clickToZoom: false }
  });
  element.setAttribute("role", "img");

  function shown(page) {
    links.forEach(function (link, index) {
      if (index === page) { link.setAttribute("aria-current", "page"); }
      else { link.removeAttribute("aria-current"); }
    });
    element.setAttribute("aria-label", "Page image " + (page + 1) + " of " + links.length +
                         ": " + links[page].textContent);
    element.setAttribute("data-page", String(page + 1));
    status.textContent = "Showing " + links[page].textContent + " (" + (page + 1) + " of " +
                         links.length + ")";
  }
  function turnTo(page) {
    if (links.length > 1) { viewer.goToPage(page); } else { shown(page); }
    element.scrollIntoView({ block: "nearest" });
  }
  viewer.addHandler("page", function (event) { shown(event.page); });
  viewer.addHandler("open", function () {
    element.setAttribute("data-ready", "true");
    element.setAttribute("data-zoom", String(viewer.viewport.getZoom(true)));
  });
  viewer.addHandler("animation-finish", function () {
    element.setAttribute("data-zoom", String(viewer.viewport.getZoom(true)));
  });
  shown(0);

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) { event.preventDefault(); turnTo(index); });
  });

  /* Search hits in the OCR text, marked on the image: the words of the query the page was
     opened with (?q=, or the reading room's search it was followed from), found by the
     document's IIIF Content Search service, each a box over its words on its page. */
  function searched() {
    var own = new URLSearchParams(window.location.search).get("q");
    if (own) { return own; }
    try {
      var from = new URL(document.referrer);
      if (from.origin === window.location.origin && from.pathname === "/search") {
        return from.searchParams.get("q") || "";
      }
    } catch (error) { /* no referrer, or not one of ours */ }
    return "";
  }
  var words = searched().split(/\s+/).filter(function (word) {
    return word && word.indexOf(":") < 0 && !/^(AND|OR|NOT)$/.test(word);
  }).map(function (word) { return word.replace(/["()*~^]/g, ""); }).filter(Boolean);
  var hits = {};  /* page index -> boxes [x, y, w, h] in the image's pixels */
  function mark(page) {
    viewer.clearOverlays();
    (hits[page] || []).forEach(function (box) {
      var overlay = document.createElement("div");
      overlay.className = "facsimile-hit";
      viewer.addOverlay({ element: overlay, location:
        viewer.viewport.imageToViewportRectangle(box[0], box[1], box[2], box[3]) });
    });
  }
  viewer.addHandler("open", function () { mark(links.length > 1 ? viewer.currentPage() : 0); });
  if (words.length && section.getAttribute("data-search")) {
    var address = section.getAttribute("data-search") + "?q=" +
      encodeURIComponent(words.join(" "));
    window.fetch(address, { credentials: "same-origin" }).then(function (answer) {
      return answer.ok ? answer.json() : { items: [] };
    }).then(function (found) {
      var pages = [];
      (found.items || []).forEach(function (item) {
        var target = /\/canvas\/(\d+)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(item.target);
        if (!target) { return; }
        var page = parseInt(target[1], 10) - 1;
        (hits[page] = hits[page] || []).push(target.slice(2).map(Number));
        if (pages.indexOf(page) < 0) { pages.push(page); }
      });
      element.setAttribute("data-hits", String((found.items || []).length));
      if (!pages.length) { return; }
      status.textContent = "“" + words.join(" ") + "” is marked on " +
        pages.map(function (page) { return links[page].textContent; }).join(", ") + ".";
      if (viewer.world.getItemCount()) { mark(links.length > 1 ? viewer.currentPage() : 0); }
    });
  }

  /* "f. 57", "l. 57", "p. 167", "57v": the number and its side, the way labels name pages */
  function key(text) {
    var found = /(\d+)\s*([rv])?\s*$/i.exec(text.trim()) || /(\d+)\s*([rv])?/i.exec(text);
    return found ? found[1].replace(/^0+/, "") + (found[2] || "").toLowerCase() : "";
  }
  var pages = {};
  links.forEach(function (link, index) {
    var label = key(link.getAttribute("data-label") || "");
    if (label && !(label in pages)) { pages[label] = index; }
  });
  document.querySelectorAll(".text .row .folio-mark, .text .row .page-mark").forEach(function (mark) {
    var page = pages[key(mark.textContent)];
    if (page === undefined) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "folio-link " + mark.className;
    button.textContent = mark.textContent;
    button.title = "Show " + links[page].textContent + " in the page images";
    button.addEventListener("click", function () { turnTo(page); });
    mark.replaceWith(button);
  });
}());
