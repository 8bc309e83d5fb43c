/**
 * Category dictionaries (serve --lexicon my.dic): counts per 1,000 words per outlet and per group, as LIWC reports
 * rates. A layer apart from the framing lexicon: with an imported dictionary whose weights are all 0, these rates are
 * the figures to compare, not a flat stance of 0.
 */
import { basename } from 'node:path';
import type { AppState } from '../state.js';
import { dictionaryViews, type CategoryRow, type DictionaryView } from '../categories.js';
import { fmtInt, fmtNumber } from '../../report/format.js';
import { Layout } from './layout.js';
import { ScrollBox } from '../../report/views/report-tables.js';

function RateTable({ caption, rows, view, first }: { caption: string; rows: CategoryRow[]; view: DictionaryView; first: string }) {
  return (
    <ScrollBox label={caption}>
      <table class="data category-rates">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" class="num">Documents</th>
            <th scope="col" class="num">Words</th>
            {view.categories.map((c) => <th scope="col" class="num">{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              <td class="num">{fmtInt(r.documents)}</td>
              <td class="num">{fmtInt(r.words)}</td>
              {r.cells.map((cell, i) => (
                <td class="num" title={`${fmtInt(cell.count)} × ${view.categories[i]} in ${fmtInt(r.words)} words`}>{fmtNumber(cell.per1000)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function CategoriesPage({ state }: { state: AppState }) {
  const views = dictionaryViews(state.report);
  const labels = state.compiled.lexicon.entries.filter((e) => e.kind === 'label');
  const flat = labels.length > 0 && labels.every((l) => l.kind === 'label' && l.weight === 0);
  return (
    <Layout title="Category rates" nav="overview">
      <h1>Category dictionaries</h1>
      {views.length === 0 ? (
        <>
          <p>No category dictionary is loaded. Give one (LIWC <code>.dic</code>/<code>.dicx</code>, WordStat <code>.cat</code>, Lexicoder <code>.lc3</code>, quanteda <code>.yml</code>) with <code>framelens serve my-articles/ --lexicon my.dic</code>, or analyze into a store with it (<code>framelens analyze my-articles/ --db corpus.db --lexicon my.dic</code>) and serve the store.</p>
          <p>Its categories are then counted the way LIWC or quanteda count them, next to the framing labels, and shown here per outlet and group.</p>
        </>
      ) : (
        <>
          <p class="explain">
            Counts per 1,000 words (LIWC reports the same figure per 100 words), on the words as dictionary tools split them.
            A word in two categories counts in both. The dictionaries are a layer of their own: they take no word away from the framing labels.
            Hover a rate for its count.
          </p>
          {flat ? <p class="note">Every label of the framing lexicon weighs 0, so stance is 0 for every outlet: compare the category rates below instead.</p> : ''}
          {views.map((v, k) => (
            <section aria-labelledby={`dict-${k}`}>
              <h2 id={`dict-${k}`}>{basename(v.file)}</h2>
              <p class="small">{v.format} dictionary, {v.categories.length} categories, counted with {v.semantics} semantics.</p>
              <RateTable caption={`Per outlet: ${basename(v.file)}, per 1,000 words`} rows={v.outlets} view={v} first="Outlet" />
              {v.groupings.map((g) => (
                <RateTable caption={`Per group of ${g.grouping}: ${basename(v.file)}, per 1,000 words (the words of the group's outlets together)`} rows={g.groups} view={v} first="Group" />
              ))}
            </section>
          ))}
          <ul class="downloads-list no-print">
            <li><a class="csv-link" href="/api/categories?format=csv" download>These rates (CSV)</a></li>
            <li><a class="csv-link" href="/api/report?format=csv&amp;table=categories" download>Counts per document (CSV)</a></li>
            <li><a href="/api/categories">These rates (JSON)</a></li>
          </ul>
        </>
      )}
    </Layout>
  );
}
