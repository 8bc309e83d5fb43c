/** One document with all its hits marked, a legend, and the hit list (the audit trail). */
import type { Document, DocAnalysis } from '../../types.js';
import type { CompiledLexicon } from '../../lexicon/compile.js';
import { fmtSigned, VOICE_NAMES } from '../../report/format.js';
import { Layout } from './layout.js';
import { HighlightedText, Legend, MarkGlossary } from './marks.js';

export function DocPage(props: { document: Document; analysis: DocAnalysis; compiled: CompiledLexicon; excluded?: string; sessionOnly: boolean }) {
  const { document: doc, analysis } = props;
  const title = doc.title ?? doc.id;
  return (
    <Layout title={title} nav="doc" scripts={[{ src: '/assets/marks.js', module: true }]}>
      <h1>{title}</h1>
      <dl class="doc-facts">
        <div><dt>Outlet</dt><dd>{doc.outlet}</dd></div>
        {doc.date ? <div><dt>Date</dt><dd>{doc.date}</dd></div> : ''}
        <div><dt>Words</dt><dd>{analysis.words.toLocaleString('en-US')}</dd></div>
        <div><dt>Label hits</dt><dd>{analysis.hits.length}</dd></div>
        <div><dt>Id</dt><dd><code>{doc.id}</code></dd></div>
        {doc.url ? <div><dt>Source</dt><dd>{/^https?:\/\//i.test(doc.url) ? <a href={doc.url} rel="noreferrer noopener">{doc.url}</a> : doc.url}</dd></div> : ''}
      </dl>
      {props.sessionOnly ? <p class="note">Added in this session; kept in memory only.</p> : ''}
      {props.excluded ? <p class="note">Not counted in the outlet's figures: {props.excluded}.</p> : ''}
      {analysis.warnings.map((w) => <p class="note">{w}</p>)}
      <p class="no-print downloads">
        <a class="csv-link" href={`/api/doc/${encodeURIComponent(doc.id)}?format=csv`} download>Hits (CSV)</a>{' '}
        <a class="csv-link" href={`/api/doc/${encodeURIComponent(doc.id)}`}>JSON</a>
      </p>
      <Legend />
      <aside id="mark-panel" class="mark-panel" aria-live="polite" aria-label="Selected mark" hidden></aside>
      <article class="single-doc">
        <HighlightedText text={doc.text} analysis={analysis} compiled={props.compiled} idPrefix="m" />
      </article>
      <MarkGlossary compiled={props.compiled} labels={analysis.hits.map((h) => h.label)} />
      <section aria-labelledby="hits-title">
        <h2 id="hits-title">All label hits</h2>
        {analysis.hits.length === 0 ? <p>No label from the lexicon occurs in this text.</p> : (
          <div class="table-scroll">
          <table class="data">
            <caption>Every hit with its offsets into the text</caption>
            <thead><tr><th scope="col">Text</th><th scope="col">Label</th><th scope="col">Referent</th><th scope="col" class="num">Weight</th><th scope="col">Voice</th><th scope="col">Distanced / negated</th><th scope="col" class="num">Offsets</th></tr></thead>
            <tbody>
              {analysis.hits.map((h) => (
                <tr>
                  <td><a href={`#m-${h.start}`}>{h.text}</a></td>
                  <td><a href={`/term?${new URLSearchParams([['q', h.label]]).toString()}`}><code>{h.label}</code></a></td>
                  <td>{h.referent ? props.compiled.referents.get(h.referent)?.label ?? h.referent : '–'}</td>
                  <td class="num">{fmtSigned(h.weight, 1)}</td>
                  <td>{VOICE_NAMES[h.voice]}</td>
                  <td>{[h.distanced ? 'distanced' : '', h.negated ? 'negated' : ''].filter(Boolean).join(', ') || '–'}</td>
                  <td class="num">{h.start}–{h.end}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
