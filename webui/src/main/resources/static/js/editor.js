// The YAML editor: CodeMirror on the form's textarea, checked as you type (debounced) by the
// controller's own loader. Problems in this file are marked at their lines; problems the edit
// causes elsewhere are listed below it. The diff against the commit in force is shown on demand.
(() => {
  const form = document.querySelector("[data-edit-form]");
  if (!form || !window.CodeMirror) {
    return; // without scripts the plain textarea still commits
  }
  const path = form.dataset.path;
  const status = form.querySelector("[data-edit-status]");
  const list = form.querySelector("[data-edit-problems]");
  const diffPanel = form.querySelector("[data-edit-diff-panel]");
  const diffCode = form.querySelector("[data-edit-diff]");
  const meta = document.querySelector('meta[name="form-token"]');
  const headers = { "Content-Type": "application/json" };
  if (meta) {
    headers[meta.dataset.header] = meta.content;
  }
  let annotations = [];
  const editor = CodeMirror.fromTextArea(form.querySelector("[data-edit-text]"), {
    mode: "yaml",
    lineNumbers: true,
    indentUnit: 2,
    tabSize: 2,
    extraKeys: { Tab: (cm) => cm.replaceSelection("  ") },
    gutters: ["CodeMirror-lint-markers", "CodeMirror-linenumbers"],
    lint: { getAnnotations: () => annotations, lintOnChange: false },
  });
  window.pdmEditor = editor;

  const post = (url) =>
    fetch(url, {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: JSON.stringify({ path, text: editor.getValue() }),
    });

  let timer = null;
  let sequence = 0;
  async function check() {
    const mine = ++sequence;
    status.textContent = "Checking…";
    let answer;
    try {
      answer = await post("/editor/check");
    } catch (e) {
      status.textContent = "Cannot reach the controller to check.";
      return;
    }
    if (mine !== sequence) {
      return; // a newer keystroke's check is on its way
    }
    if (!answer.ok) {
      status.textContent = "Cannot check: HTTP " + answer.status;
      return;
    }
    const result = await answer.json();
    annotations = [];
    list.replaceChildren();
    for (const p of result.problems) {
      const text = p.message + (p.hint ? " (" + p.hint + ")" : "");
      if (p.file === path) {
        const line = Math.max(0, p.line - 1);
        annotations.push({
          from: CodeMirror.Pos(line, Math.max(0, p.column - 1)),
          to: CodeMirror.Pos(line, editor.getLine(line) ? editor.getLine(line).length : 0),
          message: text,
          severity: p.severity === "error" ? "error" : "warning",
        });
      }
      const item = document.createElement("li");
      item.className = p.severity === "error" ? "bad" : "muted";
      item.dataset.problem = p.file + ":" + p.line + ":" + p.column;
      item.textContent = p.file + ":" + p.line + ":" + p.column + ": " + p.severity + ": " + text;
      list.appendChild(item);
    }
    editor.performLint();
    const errors = result.problems.filter((p) => p.severity === "error").length;
    const ok = errors === 0 && !result.forbidden;
    status.dataset.valid = String(ok);
    status.className = ok ? "ok" : "bad";
    status.textContent = errors
      ? errors + (errors === 1 ? " error" : " errors") + ": it cannot be committed as it is."
      : result.forbidden
        ? "Valid, but you may not commit it: " + result.forbidden
        : "Valid: it can be committed.";
    if (diffPanel.open) {
      diff();
    }
  }

  async function diff() {
    const answer = await post("/editor/diff");
    if (answer.ok) {
      diffCode.textContent = (await answer.json()).diff || "No change.";
    }
  }

  editor.on("change", () => {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  diffPanel.addEventListener("toggle", () => {
    if (diffPanel.open) {
      diff();
    }
  });
  form.addEventListener("submit", () => editor.save());
  check();
})();
