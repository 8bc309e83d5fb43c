// Overview charts: stance per referent and outlet with 95% intervals, and label shares per referent.
// Reads the numbers from the page's JSON data block (the tables on the page carry the same numbers) and draws
// with chart.js (loaded before this module from /assets/chart.umd.js). No network, no inline script.

const STANCE_PALETTE = {
  wn2: ['#b2182b', '#d73027', '#8e0c1f', '#a50026'],
  wn1: ['#f4a582', '#d6604d', '#fdae61', '#e08060'],
  w0: ['#bdbdbd', '#969696', '#d9d9d9', '#737373'],
  wp1: ['#92c5de', '#4393c3', '#abd9e9', '#74add1'],
  wp2: ['#2166ac', '#4575b4', '#053061', '#313695'],
};

// Outlets get colours outside the stance palette, so an outlet never reads as a stance.
const OUTLET_COLOURS = ['#7570b3', '#1b9e77', '#e7298a', '#a6761d', '#17becf', '#66a61e', '#e6ab02', '#8c564b'];

function stanceClass(weight) {
  if (weight <= -1.5) return 'wn2';
  if (weight <= -0.25) return 'wn1';
  if (weight < 0.25) return 'w0';
  if (weight < 1.5) return 'wp1';
  return 'wp2';
}

function signed(x) {
  if (x === null || x === undefined) return '–';
  const s = Math.abs(x).toFixed(2);
  return Number(s) === 0 ? s : `${x > 0 ? '+' : '−'}${s}`;
}

/**
 * The colour of the i-th outlet, as [r, g, b]. Past the eight hand-picked colours, hues step by the golden angle
 * (so neighbours differ) and skip the reds and blues of the stance palette; lightness alternates as well.
 */
function outletRgb(i) {
  if (i < OUTLET_COLOURS.length) {
    const n = parseInt(OUTLET_COLOURS[i].slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  let h = (i * 137.508) % 360;
  if (h < 35 || h > 330) h = (h + 70) % 360;
  if (h > 185 && h < 250) h = (h + 75) % 360;
  const l = [0.35, 0.5, 0.65][i % 3];
  const s = 0.6;
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

function withAlpha(rgb, alpha) {
  return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;
}

/** Draws each bar's 95% interval as a whisker with caps, from the dataset's `intervals` array. */
const intervalWhiskers = {
  id: 'framelensIntervals',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const y = chart.scales.y;
    chart.data.datasets.forEach((dataset, di) => {
      const meta = chart.getDatasetMeta(di);
      if (!chart.isDatasetVisible(di) || !dataset.intervals) return;
      meta.data.forEach((bar, i) => {
        const ci = dataset.intervals[i];
        if (!ci) return;
        const top = y.getPixelForValue(ci[1]);
        const bottom = y.getPixelForValue(ci[0]);
        const half = Math.max(3, Math.min(8, bar.width / 4));
        ctx.save();
        ctx.strokeStyle = '#1a1a1a';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(bar.x, top);
        ctx.lineTo(bar.x, bottom);
        ctx.moveTo(bar.x - half, top);
        ctx.lineTo(bar.x + half, top);
        ctx.moveTo(bar.x - half, bottom);
        ctx.lineTo(bar.x + half, bottom);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};

function stanceChart(Chart, data) {
  const canvas = document.getElementById('stance-chart');
  if (!canvas || data.referents.length === 0) return;
  const datasets = data.outlets.map((outlet, oi) => {
    const colour = outletRgb(oi);
    const points = data.stance.map((row) => row[oi]);
    return {
      label: outlet,
      data: points.map((p) => p.stance),
      intervals: points.map((p) => p.ci95),
      points,
      // Figures from small samples are drawn pale: the table flags them in words.
      backgroundColor: points.map((p) => (p.smallSample ? withAlpha(colour, 0.35) : withAlpha(colour, 0.85))),
      borderColor: withAlpha(colour, 1),
      borderWidth: 1.5,
    };
  });
  new Chart(canvas, {
    type: 'bar',
    data: { labels: data.referents.map((r) => r.label), datasets },
    plugins: [intervalWhiskers],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: {
          min: -1,
          max: 1,
          title: { display: true, text: 'stance (−1 … +1)' },
          grid: { color: (ctx) => (ctx.tick && ctx.tick.value === 0 ? '#444' : '#e3e3e3'), lineWidth: (ctx) => (ctx.tick && ctx.tick.value === 0 ? 1.5 : 1) },
        },
        x: { grid: { display: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label(ctx) {
              const p = ctx.dataset.points[ctx.dataIndex];
              if (!p || p.stance === null) return `${ctx.dataset.label}: not named`;
              const ci = p.ci95 ? ` [${signed(p.ci95[0])}, ${signed(p.ci95[1])}]` : '';
              return `${ctx.dataset.label}: ${signed(p.stance)}${ci}, n = ${p.mentions}${p.smallSample ? ' (small sample)' : ''}`;
            },
          },
        },
      },
    },
  });
}

function shareCharts(Chart, data) {
  for (const canvas of document.querySelectorAll('canvas[data-share-index]')) {
    const entry = data.shares[Number(canvas.dataset.shareIndex)];
    if (!entry) continue;
    const used = {};
    const datasets = entry.series.map((s) => {
      const cls = stanceClass(s.weight);
      const k = (used[cls] = (used[cls] ?? -1) + 1);
      const palette = STANCE_PALETTE[cls];
      return {
        label: s.label,
        data: s.shares.map((x) => x * 100),
        counts: s.counts,
        weight: s.weight,
        backgroundColor: palette[k % palette.length],
        borderColor: '#fff',
        borderWidth: 1,
      };
    });
    // Room for one bar per outlet plus the legend rows below.
    canvas.parentElement.style.height = `${Math.max(14, 5 + data.outlets.length * 1.9 + Math.ceil(datasets.length / 3) * 1.3)}rem`;
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.outlets, datasets },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, min: 0, max: 100, ticks: { callback: (v) => `${v}%` } },
          y: { stacked: true, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
          tooltip: {
            callbacks: {
              label(ctx) {
                const d = ctx.dataset;
                const w = d.weight > 0 ? `+${d.weight}` : `${d.weight}`;
                return `${d.label} (weight ${w}): ${Math.round(ctx.parsed.x)}%, ${d.counts[ctx.dataIndex]} mention(s)`;
              },
            },
          },
        },
      },
    });
  }
}

function main() {
  const Chart = window.Chart;
  const block = document.getElementById('overview-data');
  if (!Chart || !block) return;
  const data = JSON.parse(block.textContent);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#333';
  stanceChart(Chart, data);
  shareCharts(Chart, data);
}

main();
