/**
 * A pasted comparison as one self-contained HTML file (the handout to keep or mail): styles inline, no script,
 * nothing loaded from anywhere, every text escaped by hono/jsx. Printing it gives the same page as the Compare view.
 */
import { raw } from 'hono/html';
import type { CompiledLexicon } from '../../lexicon/compile.js';
import type { CompareModel } from '../compare.js';
import { CompareView } from './compare-view.js';
import { InlineStyle } from '../../report/views/inline-style.js';

export function HandoutFile({ model, compiled, css }: { model: CompareModel; compiled: CompiledLexicon; css: string }) {
  const headings = model.columns.map((c) => c.heading).join(' · ');
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`Compare: ${headings} · framelens`}</title>
          <InlineStyle css={css} />
        </head>
        <body>
          <main id="main">
            <h1>Compare: {headings}</h1>
            <CompareView model={model} compiled={compiled} links={false} script={false} />
          </main>
        </body>
      </html>
    </>
  );
}
