// Focus panel for marked framing terms: when a mark gets focus (Tab, or a click), show its label, referent,
// weight, voice and the lexicon's rationale in a panel. Without this script the marks' title attribute says the same.
// Escape closes the panel; the text is built with textContent only.
//
// A mark carries its label and referent ids (data-label, data-referent), its voice and state as classes (v-quoted,
// distanced, …) and its cues (data-cues); the words come from the page's mark glossary, one JSON data block
// (#mark-glossary) rather than the same words on every mark.

const panel = document.getElementById('mark-panel');

function readGlossary() {
  const block = document.getElementById('mark-glossary');
  if (!block) return { labels: {}, referents: {}, voices: {}, states: {} };
  try {
    return JSON.parse(block.textContent);
  } catch {
    return { labels: {}, referents: {}, voices: {}, states: {} };
  }
}
const glossary = readGlossary();

/** An entry of the glossary's map, never an inherited property ("constructor" is a possible label id). */
const own = (map, key) => (map && key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined);

/** The words the panel shows for a mark. */
function detailsOf(mark) {
  const d = mark.dataset;
  const label = own(glossary.labels, d.label) ?? {};
  const voice = [...mark.classList].find((c) => c.startsWith('v-'))?.slice(2);
  const states = ['distanced', 'negated'].filter((c) => mark.classList.contains(c)).map((c) => own(glossary.states, c));
  return {
    // The marked words: the mark's first text, before the words for screen readers.
    text: mark.firstChild?.nodeType === Node.TEXT_NODE ? mark.firstChild.textContent : mark.textContent,
    name: label.name ?? d.label,
    referent: d.referent ? own(glossary.referents, d.referent) ?? d.referent : glossary.noReferent,
    weight: label.weight,
    voice: voice ? own(glossary.voices, voice) ?? voice : undefined,
    state: states.filter(Boolean).join('; '),
    cues: d.cues,
    rationale: label.rationale,
  };
}

function row(list, term, value) {
  if (!value) return;
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  list.append(dt, dd);
}

let selected = null;
let returningFocus = false;

/** Gives focus back to the mark without reopening the panel. */
function refocus(mark) {
  if (!mark) return;
  returningFocus = true;
  mark.focus();
  returningFocus = false;
}

function hide() {
  if (!panel) return;
  panel.hidden = true;
  if (selected) selected.classList.remove('is-selected');
  selected = null;
}

function show(mark) {
  if (!panel) return;
  if (selected) selected.classList.remove('is-selected');
  selected = mark;
  mark.classList.add('is-selected');
  const d = detailsOf(mark);
  const heading = document.createElement('h2');
  heading.textContent = `“${d.text}”`;
  const list = document.createElement('dl');
  row(list, 'Label', d.name);
  row(list, 'Names', d.referent);
  row(list, 'Weight', d.weight);
  row(list, 'Voice', d.voice);
  row(list, 'Note', d.state);
  row(list, 'Cues', d.cues);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  close.addEventListener('click', () => {
    const back = selected;
    hide();
    refocus(back);
  });
  const parts = [close, heading, list];
  if (d.rationale) {
    const why = document.createElement('p');
    why.textContent = d.rationale;
    parts.push(why);
  }
  panel.replaceChildren(...parts);
  // The panel's accent follows the mark's stance colour.
  panel.style.setProperty('--line', getComputedStyle(mark).getPropertyValue('--line'));
  panel.hidden = false;
}

if (panel) {
  document.addEventListener('focusin', (event) => {
    const mark = event.target instanceof Element ? event.target.closest('mark.hit[tabindex]') : null;
    if (mark && !returningFocus) show(mark);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      const back = selected;
      hide();
      refocus(back);
    }
  });
}

// One tab stop per text: Tab reaches a text's first mark, the arrow keys (and Home/End) move between its marks.
document.addEventListener('keydown', (event) => {
  const mark = event.target instanceof Element ? event.target.closest('mark.hit[tabindex]') : null;
  if (!mark) return;
  const keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  const step = keys[event.key];
  if (step === undefined) return;
  const text = mark.closest('.doc-text');
  if (!text) return;
  const marks = [...text.querySelectorAll('mark.hit[tabindex]')];
  const at = marks.indexOf(mark);
  const next = marks[Math.max(0, Math.min(marks.length - 1, step === -Infinity ? 0 : step === Infinity ? marks.length - 1 : at + step))];
  if (!next || next === mark) return;
  event.preventDefault();
  mark.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
});
