// Keyboard use of the tables marked class="keys": j/k or arrows move between rows, Enter opens
// the row's main link (data-primary, else the first), "/" goes to the search box, Escape leaves it. Rows swapped in by htmx keep
// working because the handlers are delegated from the document, and a live update that redraws
// the table keeps the selected row (by its data-id) selected.
(function () {
  var selectedId = null;
  document.addEventListener('focusin', function (e) {
    var tr = e.target;
    if (tr && tr.tagName === 'TR' && tr.closest('table.keys')) selectedId = tr.getAttribute('data-id');
  });
  document.addEventListener('htmx:afterSettle', function () {
    if (!selectedId || (document.activeElement && document.activeElement !== document.body)) return;
    var again = rows().find(function (tr) { return tr.getAttribute('data-id') === selectedId; });
    if (again) { ensureFocusable(); again.focus(); }
  });
  function rows() {
    return Array.from(document.querySelectorAll('table.keys tbody tr'));
  }
  function ensureFocusable() {
    rows().forEach(function (tr) { if (!tr.hasAttribute('tabindex')) tr.tabIndex = -1; });
  }
  // The focused row; after a live swap took it away (focus fell back to the body), the row that
  // has the selected row's data-id in the new table.
  function current() {
    var active = document.activeElement;
    if (active && active.tagName === 'TR' && active.closest('table.keys')) return active;
    if (!selectedId || (active && active !== document.body)) return null;
    return rows().find(function (tr) { return tr.getAttribute('data-id') === selectedId; }) || null;
  }
  function move(by) {
    ensureFocusable();
    var all = rows();
    if (all.length === 0) return;
    var at = all.indexOf(current());
    var next = at < 0 ? (by > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + by));
    all[next].focus();
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    if (e.key === 'Escape' && typing) { t.blur(); return; }
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === '/') {
      var search = document.querySelector('input[type=search]');
      if (search) { e.preventDefault(); search.focus(); search.select(); }
    } else if (e.key === 'j' || e.key === 'ArrowDown') {
      if (rows().length) { e.preventDefault(); move(1); }
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      if (rows().length) { e.preventDefault(); move(-1); }
    } else if (e.key === 'Enter' && (t && t.tagName === 'TR' || t === document.body)) {
      var row = t.tagName === 'TR' ? t : current();
      var link = row && (row.querySelector('a[data-primary]') || row.querySelector('a[href]'));
      if (link) { e.preventDefault(); link.click(); }
    } else if (e.key === 'n' || e.key === 'p') {
      var pager = document.querySelector(e.key === 'n' ? 'a[rel=next]' : 'a[rel=prev]');
      if (pager) { e.preventDefault(); pager.click(); }
    }
  });
})();
