// The guest page's CPU and memory chart: reads /api/v1/guests/{remote}/{vmid}/rrddata and draws
// it with Chart.js. CPU is a share of the guest's cores; memory is in GiB of its maximum.
(function () {
  var canvas = document.getElementById('rrd-chart');
  var select = document.getElementById('rrd-timeframe');
  var status = document.getElementById('rrd-status');
  if (!canvas || !window.Chart) return;
  var chart = null;
  var GIB = 1024 * 1024 * 1024;

  function label(seconds, timeframe) {
    var d = new Date(seconds * 1000);
    return timeframe === 'hour' || timeframe === 'day'
      ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleDateString();
  }

  function load() {
    var timeframe = select.value;
    status.textContent = 'loading…';
    fetch(canvas.dataset.src + '?timeframe=' + encodeURIComponent(timeframe))
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { status.textContent = res.body.detail || 'not available'; return; }
        var s = res.body.series;
        var cpu = (s.cpu || []).map(function (v) { return v == null ? null : v * 100; });
        var mem = (s.mem || []).map(function (v) { return v == null ? null : v / GIB; });
        var maxmem = (s.maxmem || []).map(function (v) { return v == null ? null : v / GIB; });
        var data = {
          labels: res.body.time.map(function (t) { return label(t, timeframe); }),
          datasets: [
            { label: 'CPU %', data: cpu, yAxisID: 'cpu', borderWidth: 1.5, pointRadius: 0, spanGaps: true },
            { label: 'Memory GiB', data: mem, yAxisID: 'mem', borderWidth: 1.5, pointRadius: 0, spanGaps: true },
            { label: 'Memory max GiB', data: maxmem, yAxisID: 'mem', borderWidth: 1, borderDash: [4, 4], pointRadius: 0 }
          ]
        };
        if (chart) { chart.data = data; chart.update(); } else {
          chart = new window.Chart(canvas, {
            type: 'line',
            data: data,
            options: {
              animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
              scales: {
                cpu: { position: 'left', min: 0, title: { display: true, text: 'CPU %' } },
                mem: { position: 'right', min: 0, grid: { drawOnChartArea: false }, title: { display: true, text: 'GiB' } }
              }
            }
          });
        }
        canvas.dataset.points = String(res.body.time.length);
        status.textContent = res.body.time.length + ' points';
      })
      .catch(function () { status.textContent = 'not available'; });
  }

  select.addEventListener('change', load);
  load();
})();
