/** The Markdown sections of groups, contrasts and the timeline (see markdown.ts for the rest of the report). */
import type { Report } from './build.js';
import { mdCell } from './markdown.js';

const fmt = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '–' : x.toFixed(digits));
const signed = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(2)}`);
const interval = (ci: [number, number] | null | undefined): string => (ci ? ` [${fmt(ci[0])}, ${fmt(ci[1])}]` : '');

export function groupsMarkdown(report: Report): string[] {
  const out: string[] = [];
  for (const g of report.groups) {
    out.push(`## Groups: ${mdCell(g.grouping)}`, '');
    out.push('Group stance is the mean of its outlets\' stances (each outlet counts once); the 95% interval resamples outlets, then documents within them.', '');
    if (g.ungrouped.length) out.push(`Not in any group of this grouping: ${mdCell(g.ungrouped.join(', '))}.`, '');
    if (g.unknownOutlets.length) out.push(`Named in the groups but not in the corpus: ${mdCell(g.unknownOutlets.join(', '))}.`, '');
    out.push('| group | outlets | documents | referent | stance [95% CI] | outlets / documents / mentions | top labels |', '|---|---|---:|---|---|---|---|');
    for (const grp of g.groups) {
      for (const [ref, r] of Object.entries(grp.referents)) {
        const labels = Object.entries(r.labels).slice(0, 3).map(([id, l]) => `${id} ${Math.round(l.share * 100)}%`).join(', ');
        out.push(`| ${mdCell(grp.name)} | ${mdCell(grp.outlets.join(', '))} | ${grp.documents} | ${mdCell(ref)} | ${signed(r.stance)}${interval(r.ci95)}${r.intervalNote ? ` (${mdCell(r.intervalNote)})` : ''} | ${r.outlets} / ${r.documents} / ${r.mentions} | ${mdCell(labels || '–')} |`);
      }
    }
    out.push('');
  }
  return out;
}

export function contrastsMarkdown(report: Report): string[] {
  const plan = report.contrastPlan;
  const out: string[] = ['## Is the difference real? (contrasts)', ''];
  out.push(`${plan.tested} contrasts tested, ${plan.notTested} could not be tested (reasons below); permutation tests with ${plan.permutations} deals (all of them when there are fewer), ${plan.correction === 'bh' ? 'Benjamini–Hochberg' : plan.correction} correction over the ${plan.tested} tests, α = ${plan.alpha}. Outlet pairs permute documents; groups permute outlets.`, '');
  for (const s of plan.skipped) out.push(`- Not attempted: ${mdCell(s.what)} (${s.count}): ${mdCell(s.reason)}`);
  if (plan.unknownOutlets.length) out.push(`- Outlets named in --contrasts but not in the corpus: ${mdCell(plan.unknownOutlets.join(', '))}`);
  if (plan.skipped.length || plan.unknownOutlets.length) out.push('');
  const tested = report.contrasts.filter((c) => c.tested);
  if (tested.length) {
    out.push('| kind | referent | a | b | effect (a − b) [95% CI] | p | p (adj.) |', '|---|---|---|---|---|---:|---:|');
    for (const c of tested) {
      out.push(`| ${c.kind} | ${mdCell(c.referent)} | ${mdCell(c.a.name)} | ${mdCell(c.b.name)} | ${signed(c.effect.value)}${interval(c.effect.ci95)} | ${fmt(c.p, 3)} | ${fmt(c.pAdjusted, 3)}${c.significant ? ' *' : ''} |`);
    }
    out.push('');
  }
  const untested = report.contrasts.filter((c) => !c.tested);
  if (untested.length) {
    out.push('Not tested:', '', '| kind | referent | a | b | effect (a − b) | why not |', '|---|---|---|---|---|---|');
    for (const c of untested.slice(0, 200)) out.push(`| ${c.kind} | ${mdCell(c.referent)} | ${mdCell(c.a.name)} | ${mdCell(c.b.name)} | ${signed(c.effect.value)}${interval(c.effect.ci95)} | ${mdCell(c.reason ?? '')} |`);
    if (untested.length > 200) out.push('', `… and ${untested.length - 200} more (contrasts.csv lists them all).`);
    out.push('');
  }
  return out;
}

export function timelineMarkdown(report: Report): string[] {
  const t = report.timeline;
  if (!t) return [];
  const out: string[] = [`## Over time (per ${t.by})`, ''];
  if (t.undated) out.push(`${t.undated} documents have no date and are in no ${t.by}.`, '');
  out.push(`| series | ${t.by} | documents | referent | stance [95% CI] | documents mentioning |`, '|---|---|---:|---|---|---:|');
  for (const s of t.series) {
    for (const c of s.cells) {
      for (const [ref, r] of Object.entries(c.referents)) {
        out.push(`| ${mdCell(s.kind === 'group' ? `${s.grouping}: ${s.name}` : s.name)} | ${c.bin} | ${c.documents} | ${mdCell(ref)} | ${signed(r.stance)}${interval(r.ci95)} | ${r.documents} |`);
      }
    }
  }
  out.push('');
  return out;
}

/** Category dictionaries: rate per 1,000 words per outlet and group (the figures a LIWC user compares). */
export function dictionariesMarkdown(report: Report): string[] {
  const out: string[] = [];
  for (const d of report.dictionaries) {
    const name = d.file.replace(/^.*[\\/]/, '');
    out.push(`## Category dictionary ${mdCell(name)} (${d.format}, ${d.semantics} counting)`, '');
    out.push(`Per 1,000 words; counted on the dictionary's own tokens, separately from the framing lexicon.`, '');
    const cats = d.categories;
    out.push(`| outlet or group | documents | words | ${cats.map(mdCell).join(' | ')} |`, `|---|---:|---:|${cats.map(() => '---:').join('|')}|`);
    const row = (label: string, t: { documents: number; words: number; categories: Record<string, { per1000: number }> }) =>
      out.push(`| ${mdCell(label)} | ${t.documents} | ${t.words} | ${cats.map((c) => fmt(t.categories[c]?.per1000)).join(' | ')} |`);
    for (const [o, t] of Object.entries(d.outlets)) row(o, t);
    for (const [g, groups] of Object.entries(d.groups)) for (const [name2, t] of Object.entries(groups)) row(`${g}: ${name2}`, t);
    out.push('');
  }
  return out;
}
