// Focus panel for marked framing terms: when a mark gets focus (Tab, or a click), show its label, referent,
// weight, voice and the lexicon's rationale in a panel. Without this script the marks' title attribute says the same.
// Escape closes the panel; the text is built with textContent only.

const panel = document.getElementById('mark-panel');

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
  const d = mark.dataset;
  const heading = document.createElement('h2');
  heading.textContent = `“${d.text ?? mark.textContent}”`;
  const list = document.createElement('dl');
  row(list, 'Label', d.name ?? d.label);
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
