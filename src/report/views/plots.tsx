/**
 * Server-drawn SVG charts, so a chart is there without script and in a saved file: the stance interval of one row
 * (dot = stance, line = 95% interval, hollow dot = small sample) and a divergence heat map. Geometry is in SVG
 * attributes and colours in classes (the CSP allows no inline style). Each chart sits next to a table or list
 * that carries its numbers in words, so the SVGs are hidden from screen readers or carry a summary label.
 */
import { raw } from 'hono/html';
import { heatClass } from '../format.js';

const W = 200;
const PAD = 8;
const x = (v: number): number => PAD + ((Math.max(-1, Math.min(1, v)) + 1) / 2) * (W - 2 * PAD);
const r1 = (v: number): string => v.toFixed(1);

/** One row's stance on the −1 … +1 axis. */
export function IntervalDot(props: { stance: number | null; ci95: [number, number] | null; smallSample: boolean }) {
  const { stance, ci95 } = props;
  return (
    <svg class="interval-dot" viewBox={`0 0 ${W} 18`} width={W} height={18} aria-hidden="true" focusable="false">
      <line class="axis" x1={PAD} x2={W - PAD} y1={9} y2={9} />
      <line class="zero" x1={x(0)} x2={x(0)} y1={2} y2={16} />
      <line class="tick" x1={x(-1)} x2={x(-1)} y1={6} y2={12} />
      <line class="tick" x1={x(1)} x2={x(1)} y1={6} y2={12} />
      {ci95 ? <line class="ci-line" x1={r1(x(ci95[0]))} x2={r1(x(ci95[1]))} y1={9} y2={9} /> : ''}
      {stance === null ? '' : <circle class={props.smallSample ? 'dot small' : stance < -0.05 ? 'dot neg' : stance > 0.05 ? 'dot pos' : 'dot mid'} cx={r1(x(stance))} cy={9} r={5} />}
    </svg>
  );
}

/** The axis under the interval column: −1, 0, +1. */
export function IntervalAxis() {
  return (
    <svg class="interval-dot" viewBox={`0 0 ${W} 14`} width={W} height={14} aria-hidden="true" focusable="false">
      <text x={x(-1)} y={11} text-anchor="start">−1</text>
      <text x={x(0)} y={11} text-anchor="middle">0</text>
      <text x={x(1)} y={11} text-anchor="end">+1</text>
    </svg>
  );
}

const CELL = 11;
const LABEL_W = 150;

const shortName = (s: string): string => (s.length > 24 ? `${s.slice(0, 23)}…` : s);

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A clustered heat map of divergence: rows and columns in the same order (similar outlets next to each other),
 * darker = more different. Built as one string (thousands of cells: far faster than a JSX tree), every outlet name
 * escaped. Row labels carry the outlet's name; the values are in the table beside it and in the CSV.
 */
export function HeatmapSvg(props: { outlets: string[]; values: Array<Array<number | null>>; label: string }) {
  const n = props.outlets.length;
  const size = LABEL_W + n * CELL + 4;
  const h = n * CELL + 4;
  const parts: string[] = [`<svg class="heatmap-svg" viewBox="0 0 ${size} ${h}" width="${size}" height="${h}" role="img" aria-label="${esc(props.label)}">`];
  props.outlets.forEach((o, i) => {
    parts.push(`<text class="hm-label" x="${LABEL_W - 4}" y="${i * CELL + CELL - 2}" text-anchor="end">${esc(shortName(o))}</text>`);
  });
  // One path per colour step (a few kilobytes) rather than one element per cell.
  const paths = new Map<string, string[]>();
  props.values.forEach((row, i) => {
    row.forEach((v, j) => {
      const cls = i === j ? 'heat-self' : heatClass(v);
      let list = paths.get(cls);
      if (!list) paths.set(cls, (list = []));
      list.push(`M${LABEL_W + j * CELL} ${i * CELL}h${CELL - 1}v${CELL - 1}h-${CELL - 1}z`);
    });
  });
  for (const [cls, d] of paths) parts.push(`<path class="${cls}" d="${d.join('')}"/>`);
  parts.push('</svg>');
  return raw(parts.join(''));
}

/** Stance over time for one series: a dot per bin with a mention (y = stance, −1 at the bottom), joined by a line. */
export function TimeSparkline(props: { points: Array<{ stance: number | null } | null> }) {
  const n = props.points.length;
  const w = Math.max(120, Math.min(360, n * 24));
  const step = n > 1 ? (w - 16) / (n - 1) : 0;
  const y = (v: number) => 4 + ((1 - v) / 2) * 28;
  const dots = props.points.map((p, i) => (p && p.stance !== null ? { x: 8 + i * step, y: y(p.stance) } : null));
  const line = dots.filter((d): d is { x: number; y: number } => d !== null).map((d, i) => `${i ? 'L' : 'M'}${d.x.toFixed(1)} ${d.y.toFixed(1)}`).join('');
  return (
    <svg class="time-spark" viewBox={`0 0 ${w} 36`} width={w} height={36} aria-hidden="true" focusable="false">
      <line class="zero" x1={4} x2={w - 4} y1={y(0)} y2={y(0)} />
      {line ? <path class="trend" d={line} /> : ''}
      {dots.map((d) => (d ? <circle class="dot" cx={d.x.toFixed(1)} cy={d.y.toFixed(1)} r={3} /> : ''))}
    </svg>
  );
}
