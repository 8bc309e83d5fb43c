/** Analyze your own text: paste or upload two to four texts and get the Compare view at once. */
import type { CompiledLexicon } from '../../lexicon/compile.js';
import type { AnalyzeResult } from '../analyze-texts.js';
import type { PastedText } from '../pasted.js';
import { MAX_TEXTS } from '../pasted.js';
import { Layout } from './layout.js';
import { CompareView } from './compare-view.js';

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

export function AnalyzePage(props: { compiled: CompiledLexicon; result?: AnalyzeResult; values?: PastedText[]; addChecked?: boolean; error?: string }) {
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
          <CompareView model={result.model} compiled={props.compiled} links={result.addRequested} />
          <h2 class="no-print">Analyze other texts</h2>
        </>
      ) : <p class="explain">Paste two to four texts, for example two reports of the same event, and see the labels each one chooses side by side.</p>}
      <AnalyzeForm values={props.values} addChecked={props.addChecked} />
    </Layout>
  );
}
