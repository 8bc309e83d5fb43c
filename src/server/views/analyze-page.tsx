/** Analyze your own text: paste or upload two to four texts and get the Compare view at once. */
import type { CompiledLexicon } from '../../lexicon/compile.js';
import type { AnalyzeResult } from '../analyze-texts.js';
import type { PastedText } from '../pasted.js';
import { MAX_TEXTS } from '../pasted.js';
import { Layout } from './layout.js';
import { CompareView } from './compare-view.js';
import { MAX_SHARE_CHARS } from '../share.js';

export const BODY_LIMIT_MB = 2;

function TextSlot({ index, value }: { index: number; value?: PastedText }) {
  const n = index + 1;
  return (
    <fieldset class="text-slot">
      <legend>Text {n}{index < 2 ? '' : ' (optional)'}</legend>
      <div class="field">
        <label for={`outlet-${n}`}>Outlet</label>
        <input id={`outlet-${n}`} name={`outlet${n}`} type="text" maxlength={100} value={value?.outlet ?? ''} autocomplete="off" />
      </div>
      <div class="field">
        <label for={`title-${n}`}>Title (optional)</label>
        <input id={`title-${n}`} name={`title${n}`} type="text" maxlength={300} value={value?.title ?? ''} autocomplete="off" />
      </div>
      <div class="field">
        <label for={`text-${n}`}>Text</label>
        <textarea id={`text-${n}`} name={`text${n}`} rows={8}>{value?.text ?? ''}</textarea>
      </div>
      <div class="field">
        <label for={`file-${n}`}>…or upload a .txt or .md file</label>
        <input id={`file-${n}`} name={`file${n}`} type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" />
      </div>
    </fieldset>
  );
}

export function AnalyzeForm({ values, addChecked }: { values?: PastedText[]; addChecked?: boolean }) {
  return (
    <form method="post" action="/analyze" enctype="multipart/form-data" class="analyze-form no-print">
      <div class="slots">
        {Array.from({ length: MAX_TEXTS }, (_, i) => <TextSlot index={i} value={values?.[i]} />)}
      </div>
      <div class="field checkbox">
        <input id="add-to-corpus" name="addToCorpus" type="checkbox" value="yes" checked={addChecked} />
        <label for="add-to-corpus">Add these texts to the corpus for this server session (kept in memory only, never written to disk; they then appear on the Overview, Term and Compare pages until the server stops). Give each an outlet name.</label>
      </div>
      <p class="hint">Texts are analyzed and shown, not stored, unless you tick the box. Up to {BODY_LIMIT_MB} MB in total.</p>
      <button type="submit">Analyze</button>
    </form>
  );
}

function ShareBox({ share }: { share: string | null }) {
  if (share === null) {
    return <p class="note no-print">These texts are too long to share as a link (the link may hold at most {MAX_SHARE_CHARS.toLocaleString('en-US')} characters once compressed, about 15,000 characters of text). Save the page instead.</p>;
  }
  const link = `/analyze?${new URLSearchParams([['share', share]]).toString()}`;
  return (
    <section class="share-box no-print" aria-labelledby="share-title">
      <h2 id="share-title">Share or keep this comparison</h2>
      <p>
        The texts travel inside the link, compressed; nothing is stored on the server. Anyone who opens the link on this
        server sees this comparison. <a href={link}>Link to this comparison</a> ({link.length.toLocaleString('en-US')} characters; at most {MAX_SHARE_CHARS.toLocaleString('en-US')} after "share=").{' '}
        <a href={`/analyze/download?${new URLSearchParams([['share', share]]).toString()}`} download>Download as one HTML file</a> (works offline, prints as a handout).
      </p>
      <label for="share-link">Link (copy it)</label>
      <input id="share-link" type="text" readonly value={link} />
    </section>
  );
}

export function AnalyzePage(props: { compiled: CompiledLexicon; result?: AnalyzeResult; values?: PastedText[]; addChecked?: boolean; error?: string; share?: string | null }) {
  const { result } = props;
  return (
    <Layout title="Analyze your text" nav="analyze" scripts={[{ src: '/assets/marks.js', module: true }]}>
      <h1>Analyze your own text</h1>
      {props.error ? <p class="error" role="alert">{props.error}</p> : ''}
      {result ? (
        <>
          <p class="note" role="status">
            {result.added.length
              ? `Added ${result.added.length} text${result.added.length === 1 ? '' : 's'} to the corpus for this session (in memory only; gone when the server stops).`
              : result.addRequested
                ? 'These texts were already in the corpus for this session.'
                : 'Not stored: these texts were analyzed for this page only.'}
          </p>
          {props.share !== undefined && !result.addRequested ? <ShareBox share={props.share} /> : ''}
          <CompareView model={result.model} compiled={props.compiled} links={result.addRequested} />
          <h2 class="no-print">Analyze other texts</h2>
        </>
      ) : <p class="explain">Paste two to four texts, for example two reports of the same event, and see the labels each one chooses side by side.</p>}
      <AnalyzeForm values={props.values} addChecked={props.addChecked} />
    </Layout>
  );
}
