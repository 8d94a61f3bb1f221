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
