// Overview, with script: the stance-over-time table drawn as an interactive chart.js line chart (a line per outlet or
// group, the 95% interval of each point as a bar, tooltips with the interval and the mentions, lines shown and hidden
// from the legend). Without script, or if chart.js fails to load, the figure stays hidden and the server-drawn
// sparklines and the table carry the same numbers. Nothing is inline: the data comes from a JSON block.

const figure = document.getElementById('time-chart-figure');
const block = document.getElementById('time-data');
const canvas = document.getElementById('time-chart');

// Okabe–Ito: colours told apart with the common colour-vision deficiencies; dashes tell the lines apart as well.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D00'];
const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3], [], [6, 3], [2, 3], [8, 3, 2, 3]];

const sign = (v) => (v > 0 ? `+${v.toFixed(2)}` : v < 0 ? `−${Math.abs(v).toFixed(2)}` : '0.00');

/** Draws each visible point's interval as a vertical bar with caps, in its line's colour. */
const intervalBars = {
  id: 'intervalBars',
  afterDatasetsDraw(chart) {
    const { ctx, scales } = chart;
    chart.data.datasets.forEach((dataset, d) => {
      const meta = chart.getDatasetMeta(d);
      if (meta.hidden || !chart.isDatasetVisible(d)) return;
      ctx.save();
      ctx.strokeStyle = dataset.borderColor;
      ctx.globalAlpha = 0.55;
      ctx.lineWidth = 1.5;
      dataset.intervals.forEach((ci, i) => {
        const point = meta.data[i];
        if (!ci || !point || dataset.data[i] === null) return;
        const top = scales.y.getPixelForValue(ci[1]);
        const bottom = scales.y.getPixelForValue(ci[0]);
        ctx.beginPath();
        ctx.moveTo(point.x, top);
        ctx.lineTo(point.x, bottom);
        ctx.moveTo(point.x - 4, top);
        ctx.lineTo(point.x + 4, top);
        ctx.moveTo(point.x - 4, bottom);
        ctx.lineTo(point.x + 4, bottom);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

function draw(Chart, data) {
  const datasets = data.series.map((s, k) => ({
    label: s.name,
    data: s.points.map((p) => (p && p.stance !== null ? p.stance : null)),
    intervals: s.points.map((p) => (p ? p.ci95 : null)),
    mentions: s.points.map((p) => (p ? p.mentions : 0)),
    borderColor: COLOURS[k % COLOURS.length],
    backgroundColor: COLOURS[k % COLOURS.length],
    borderDash: DASHES[k % DASHES.length],
    pointRadius: 4,
    pointHoverRadius: 6,
    spanGaps: true,
    tension: 0,
  }));
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return new Chart(canvas, {
    type: 'line',
    data: { labels: data.bins, datasets },
    plugins: [intervalBars],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 300 },
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        y: { min: -1, max: 1, title: { display: true, text: 'stance (−1 … +1)' }, ticks: { stepSize: 0.5 } },
        x: { title: { display: true, text: data.by } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label(item) {
              const ds = item.dataset;
              const ci = ds.intervals[item.dataIndex];
              return `${ds.label}: ${sign(item.parsed.y)}${ci ? ` (95% ${sign(ci[0])} … ${sign(ci[1])})` : ''}, n = ${ds.mentions[item.dataIndex]}`;
            },
          },
        },
      },
    },
  });
}

if (figure && block && canvas && typeof window.Chart === 'function') {
  try {
    const data = JSON.parse(block.textContent);
    figure.hidden = false;
    const chart = draw(window.Chart, data);
    figure.dataset.drawn = String(chart.data.datasets.length);
  } catch (err) {
    // A chart that cannot be drawn is no loss: the table below it has the numbers.
    figure.hidden = true;
    console.error('time chart:', err);
  }
}
