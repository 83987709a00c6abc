// A node's shell: xterm.js in the page, termproxy's frames over the controller's WebSocket
// ("0:<bytes>:<data>" input, "1:<cols>:<rows>:" resize, "2" keep-alive; output raw bytes).
(() => {
  const box = document.querySelector('[data-terminal]');
  if (!box) return;
  const status = document.querySelector('[data-shell-status]');
  const meta = document.querySelector('meta[name="form-token"]');
  const term = new Terminal({ cursorBlink: true, scrollback: 5000, fontSize: 14 });
  const fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(box);
  fit.fit();
  // What the terminal shows lives in its buffer (drawn on a canvas): tests read it from here.
  box.xterm = term;

  const query = meta && box.dataset.tokenParameter
    ? '?' + encodeURIComponent(box.dataset.tokenParameter) + '=' + encodeURIComponent(meta.content)
    : '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(scheme + '//' + location.host + box.dataset.socket + query);
  socket.binaryType = 'arraybuffer';
  const utf8 = new TextEncoder();
  const say = (text, state) => { status.textContent = text; status.dataset.state = state; };
  const send = (frame) => { if (socket.readyState === WebSocket.OPEN) socket.send(frame); };
  const resize = () => send('1:' + term.cols + ':' + term.rows + ':');

  socket.onopen = () => { say('connected', 'open'); resize(); term.focus(); };
  socket.onmessage = (e) => term.write(typeof e.data === 'string' ? e.data : new Uint8Array(e.data));
  // The controller's last line in the terminal says why it ended; the badge says that it did.
  socket.onclose = () => {
    say('closed', 'closed');
    clearInterval(keepAlive);
    term.setOption('disableStdin', true);
    term.setOption('cursorBlink', false);
  };
  term.onData((data) => send('0:' + utf8.encode(data).length + ':' + data));
  term.onResize(resize);
  window.addEventListener('resize', () => fit.fit());
  // termproxy and proxies drop a silent connection; PVE's own page sends "2" every 30 s too.
  const keepAlive = setInterval(() => send('2'), 30000);
})();
