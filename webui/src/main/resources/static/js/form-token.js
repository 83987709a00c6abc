// htmx requests carry the page's anti-forgery token, so a state-changing one is accepted.
document.addEventListener("htmx:configRequest", (event) => {
  const meta = document.querySelector('meta[name="form-token"]');
  if (meta) {
    event.detail.headers[meta.dataset.header] = meta.content;
  }
});
