// Progressive enhancement only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Copy buttons for citations (shown only where the clipboard can be written).
  if (navigator.clipboard) {
    for (const button of document.querySelectorAll("button.copy")) {
      button.hidden = false;
      button.addEventListener("click", async () => {
        const source = document.getElementById(button.dataset.copy);
        await navigator.clipboard.writeText(source.innerText.trim());
        const label = button.textContent;
        button.textContent = "Copied";
        setTimeout(() => { button.textContent = label; }, 1500);
      });
    }
  }
  // The names linked in a paragraph are one tab stop (a roving tabindex): Tab goes from
  // paragraph to paragraph instead of through dozens of names, and the arrow keys move
  // between the names of one paragraph. Without this file every name is a tab stop.
  const paragraphs = document.querySelectorAll(".text .cell :is(p, h3, aside, td)");
  let roving = false;
  for (const paragraph of paragraphs) {
    const names = [...paragraph.querySelectorAll("a.entity")];
    if (names.length < 2) continue;
    roving = true;
    names.forEach((name, index) => { name.tabIndex = index === 0 ? 0 : -1; });
    paragraph.addEventListener("keydown", (event) => {
      const current = names.indexOf(document.activeElement);
      if (current < 0) return;
      const moves = {ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1,
                     ArrowUp: current - 1, Home: 0, End: names.length - 1};
      if (!(event.key in moves)) return;
      const next = Math.max(0, Math.min(names.length - 1, moves[event.key]));
      event.preventDefault();
      names[current].tabIndex = -1;
      names[next].tabIndex = 0;
      names[next].focus();
    });
  }
  const hint = document.getElementById("names-keyboard-hint");
  if (hint && roving) hint.hidden = false;
  // Network: hovering or focusing a correspondent lights up their lines.
  const network = document.querySelector("figure.network");
  if (network) {
    const light = (id) => {
      network.classList.toggle("focused", Boolean(id));
      for (const line of network.querySelectorAll("line")) {
        line.classList.toggle("lit", line.dataset.from === id || line.dataset.to === id);
      }
    };
    for (const node of network.querySelectorAll("a[data-node]")) {
      node.addEventListener("mouseenter", () => light(node.dataset.node));
      node.addEventListener("focus", () => light(node.dataset.node));
      node.addEventListener("mouseleave", () => light(null));
      node.addEventListener("blur", () => light(null));
    }
  }
});
