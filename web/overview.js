// Overview, with script: the stance table filters as you type an outlet name and sorts in place when a column
// heading is chosen (when every row is on the page; otherwise the headings stay links to the server's sort).
// Without this script the same filter and sort work through the form and the heading links.

const table = document.getElementById('stance-table');
const input = document.getElementById('f-outlet');

function rows() {
  return [...table.tBodies[0].rows].filter((r) => r.dataset.outlet !== undefined);
}

if (table && input) {
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  table.parentElement.after(status);
  input.addEventListener('input', () => {
    const needle = input.value.trim().toLowerCase();
    let shown = 0;
    for (const r of rows()) {
      const hit = needle === '' || r.dataset.outlet.toLowerCase().includes(needle);
      r.hidden = !hit;
      if (hit) shown++;
    }
    status.textContent = `${shown} outlet${shown === 1 ? '' : 's'} shown`;
  });
}

if (table && table.dataset.complete === 'true') {
  const numeric = { stance: true, mentions: true, documents: true, width: true };
  for (const th of table.tHead.rows[0].cells) {
    const key = th.dataset.sort;
    const link = th.querySelector('a');
    if (!key || !link) continue;
    link.addEventListener('click', (event) => {
      // Grouped rows carry group headings: leave those to the server.
      if (table.querySelector('tr.group-row')) return;
      event.preventDefault();
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      const value = (r) => (numeric[key] ? (r.dataset[key] === '' ? Infinity : Number(r.dataset[key])) : (r.dataset[key] ?? '').toLowerCase());
      const sorted = rows().sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const c = x < y ? -1 : x > y ? 1 : 0;
        return (asc ? c : -c) || a.dataset.outlet.localeCompare(b.dataset.outlet);
      });
      table.tBodies[0].append(...sorted);
      for (const other of table.tHead.rows[0].cells) {
        other.removeAttribute('aria-sort');
        const a = other.querySelector('a');
        if (a) a.textContent = a.textContent.replace(/ [▲▼]$/, '');
      }
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      link.textContent = `${link.textContent} ${asc ? '▲' : '▼'}`;
    });
  }
}
