// Widths and flex shares come as data attributes because the Content-Security-Policy allows no
// inline style; setting them through the DOM is allowed. Runs on load and on every htmx swap.
(() => {
  const apply = (root) => {
    if (!root || !root.querySelectorAll) {
      return;
    }
    const all = (selector) =>
      (root.matches && root.matches(selector) ? [root] : []).concat([...root.querySelectorAll(selector)]);
    all("[data-flex]").forEach((e) => { e.style.flex = `${Number(e.dataset.flex)} 1 0`; });
    all("[data-width]").forEach((e) => { e.style.width = `${Number(e.dataset.width)}%`; });
  };
  document.addEventListener("DOMContentLoaded", () => apply(document.body));
  document.addEventListener("htmx:load", (event) => apply(event.target));
})();
