/** Lexicon: referents with their labels (weight, rationale, sources, corpus counts), names, devices. */
import type { LexiconView, LabelView } from '../lexicon-view.js';
import type { NameEntry } from '../../types.js';
import { fmtSigned, stanceClass } from '../../report/format.js';
import { Layout } from './layout.js';

function LabelTable({ labels, caption, outlets }: { labels: LabelView[]; caption: string; outlets: string[] }) {
  if (labels.length === 0) return <p>No labels.</p>;
  return (
    <div class="table-scroll">
    <table class="data lexicon-table">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">Label</th><th scope="col" class="num">Weight</th><th scope="col">Patterns</th><th scope="col">Rationale and sources</th><th scope="col" class="num">In corpus</th></tr>
      </thead>
      <tbody>
        {labels.map((l) => (
          <tr id={`entry-${l.id}`}>
            <th scope="row"><span class={`chip ${stanceClass(l.weight)}`}>{l.id}</span><br /><span class="category">{l.category}</span></th>
            <td class="num">{fmtSigned(l.weight, 1)}</td>
            <td class="patterns">{l.patterns.map((p) => p.source).join(' · ')}</td>
            <td>
              {l.rationale ?? ''}
              {l.resolve?.length ? <p class="small">Takes its referent from the nearest mention of: {l.resolve.join(', ')}.</p> : ''}
              {l.sources?.length ? <p class="small">Sources: {l.sources.join('; ')}</p> : ''}
            </td>
            <td class="num">
              {l.use.count ? <a href={`/term?${new URLSearchParams([['q', l.id]]).toString()}`}>{l.use.count}</a> : '0'}
              {l.use.count ? <span class="small by-outlet">{outlets.filter((o) => l.use.byOutlet[o]).map((o) => `${o} ${l.use.byOutlet[o]}`).join(', ')}</span> : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

function NameList({ names }: { names: NameEntry[] }) {
  if (names.length === 0) return null;
  return (
    <p class="names">
      <strong>Names (matched first, never scored):</strong>{' '}
      {names.map((n, i) => <>{i ? '; ' : ''}<span title={n.rationale ?? ''}>{n.patterns[0]?.source ?? n.id}</span></>)}
    </p>
  );
}

export function LexiconPage({ view, outlets }: { view: LexiconView; outlets: string[] }) {
  return (
    <Layout title="Lexicon" nav="lexicon">
      <h1>Lexicon</h1>
      <p class="explain">
        Each referent can be named in competing ways. Weights run from −2 (strongly delegitimizing) to +2 (strongly
        legitimizing); 0 is the neutral term an outlet could have chosen instead. Counts include every voice.{' '}
        <a class="csv-link no-print" href="/api/lexicon?format=csv" download>Download entries (CSV)</a>
      </p>
      <ul class="sources">
        {view.sources.map((s) => <li><strong>{s.name}</strong> {s.version}{s.description ? `: ${s.description}` : ''} <code class="small">sha256 {s.sha256.slice(0, 12)}…</code></li>)}
      </ul>
      <nav aria-label="Referents" class="toc no-print">
        <ul>
          {view.referents.map((r) => <li><a href={`#ref-${r.id}`}>{r.label}</a></li>)}
          {view.contextLabels.length ? <li><a href="#context-labels">Labels resolved from context</a></li> : ''}
          {Object.keys(view.otherLabels).length ? <li><a href="#other-labels">Event and casualty words</a></li> : ''}
          <li><a href="#devices">Devices</a></li>
        </ul>
      </nav>
      {view.referents.map((r) => (
        <section id={`ref-${r.id}`} aria-labelledby={`ref-${r.id}-title`}>
          <h2 id={`ref-${r.id}-title`}>{r.label}</h2>
          {r.description ? <p class="explain">{r.description}</p> : ''}
          <LabelTable labels={r.labels} caption={`Labels for ${r.label}`} outlets={outlets} />
          <NameList names={r.names} />
        </section>
      ))}
      {view.contextLabels.length ? (
        <section id="context-labels" aria-labelledby="context-labels-title">
          <h2 id="context-labels-title">Labels resolved from context</h2>
          <p class="explain">Generic words (“the regime”, “militants”) that name whichever candidate was mentioned last.</p>
          <LabelTable labels={view.contextLabels} caption="Context-dependent labels" outlets={outlets} />
        </section>
      ) : ''}
      {Object.keys(view.otherLabels).length ? (
        <section id="other-labels" aria-labelledby="other-labels-title">
          <h2 id="other-labels-title">Event and casualty words</h2>
          {Object.entries(view.otherLabels).map(([cat, labels]) => <LabelTable labels={labels} caption={cat} outlets={outlets} />)}
        </section>
      ) : ''}
      {view.otherNames.length ? (
        <section aria-labelledby="other-names-title">
          <h2 id="other-names-title">Places, incidents and other names</h2>
          <NameList names={view.otherNames} />
        </section>
      ) : ''}
      <section id="devices" aria-labelledby="devices-title">
        <h2 id="devices-title">Devices</h2>
        <p class="explain">Words that change how a label counts: distancing (“so-called”) and negation take a label out of the stance; attribution verbs and hedges mark whose claim it is.</p>
        {Object.entries(view.devices).map(([type, entries]) => (
          <div class="table-scroll">
          <table class="data">
            <caption>{type}</caption>
            <thead><tr><th scope="col">Device</th><th scope="col">Patterns</th><th scope="col">Rationale</th></tr></thead>
            <tbody>
              {entries.map((e) => <tr><th scope="row"><code>{e.id}</code>{e.weight !== undefined ? ` (${fmtSigned(e.weight, 0)})` : ''}</th><td class="patterns">{e.patterns.map((p) => p.source).join(' · ')}</td><td>{e.rationale ?? ''}</td></tr>)}
            </tbody>
          </table>
          </div>
        ))}
      </section>
    </Layout>
  );
}
