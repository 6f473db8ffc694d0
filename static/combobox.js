// The searchable drop-down shared by selectbox and multiselect (ARIA 1.2 combobox pattern): an
// <input role=combobox> in a rounded field, the chosen options as chips inside it (multiselect),
// and a popup listbox filtered as the user types. The value is the widget's wire value: an
// option index, or the typed text of a new option (accept_new_options), or a list of those.
import { h } from './dom.js';

const lc = (s) => String(s).toLocaleLowerCase();
const SHOWN = 200; // rows drawn at once: a long list stays quick to open and to filter

// Streamlit's filter modes: "fuzzy" (substring first, then in-order subsequence; lower is better),
// "contains", "prefix"; a negative score hides the option.
function score(mode, q, text) {
  if (!q) return 0;
  const a = lc(text), b = lc(q), at = a.indexOf(b);
  if (mode === 'prefix') return at === 0 ? 0 : -1;
  if (mode === 'contains' || at >= 0) return at;
  let j = 0, first = -1, last = 0;
  for (let k = 0; k < a.length && j < b.length; k++) if (a[k] === b[j]) { if (first < 0) first = k; last = k; j++; }
  return j === b.length ? 1000 + last - first : -1;
}

export function combobox(id, st, multi) {
  const listId = id + '-list';
  let val = multi ? [] : null, open = false, active = -1, typed = false, rows = [];
  const name = (v) => (typeof v === 'number' ? st.e.options[v] ?? '' : String(v ?? ''));
  const input = h('input', {
    id, class: 'rr-combo-in', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-expanded': 'false', 'aria-controls': listId, 'aria-autocomplete': 'list', 'aria-haspopup': 'listbox',
  });
  const icon = h('span', { class: 'rr-combo-icon', 'aria-hidden': 'true', hidden: true });
  const chips = h('div', { class: 'rr-combo-chips' });
  const clear = h('button', { type: 'button', class: 'rr-combo-clear', tabindex: -1, 'aria-label': 'Clear all', text: '×', hidden: true });
  const arrow = h('span', { class: 'rr-combo-arrow', 'aria-hidden': 'true' });
  const field = h('div', { class: 'rr-combo' }, icon, chips, input, clear, arrow);
  if (!multi) chips.remove();
  const list = h('div', { class: 'rr-combo-list', id: listId, role: 'listbox', tabindex: -1, 'aria-labelledby': id + '-l' });
  if (multi) list.setAttribute('aria-multiselectable', 'true');
  const note = h('div', { class: 'rr-combo-note', role: 'status' });
  const pop = h('div', { class: 'rr-combo-pop', hidden: true }, list, note);
  const node = h('div', { class: 'rr-combo-wrap' }, field, pop);

  const commit = () => st.setV(multi ? val.slice() : val);
  // A typed value that equals an option (ignoring case) is that option, as in Streamlit.
  const known = (text) => st.e.options.findIndex((o) => lc(o) === lc(text));
  const full = () => multi && st.e.max != null && val.length >= st.e.max;

  function rebuild() {
    const E = st.e, q = typed ? input.value.trim() : '';
    rows = [];
    let msg = '';
    if (full()) {
      msg = `You can only select up to ${E.max} option${E.max === 1 ? '' : 's'}. Remove an option first.`;
    } else {
      let cand = E.options.map((text, i) => ({ i, text, s: E.filter ? score(E.filter, q, text) : 0 }))
        .filter((o) => o.s >= 0 && !(multi && val.includes(o.i)));
      if (E.filter === 'fuzzy' && q) cand = cand.sort((a, b) => a.s - b.s);
      rows = cand.slice(0, SHOWN).map((o) => ({ kind: 'opt', v: o.i, text: o.text }));
      const all = E.select_all;
      if (multi && all != null && cand.length >= 2 && cand.length <= all) {
        rows.unshift({ kind: 'all', text: q ? `Select ${cand.length} matches` : 'Select all', items: cand.map((o) => o.i) });
      }
      if (cand.length > SHOWN) msg = `Showing ${SHOWN} of ${cand.length}: type to narrow the list`;
      const taken = multi && val.some((v) => lc(name(v)) === lc(q));
      if (E.accept_new && q && known(q) < 0 && !taken) rows.push({ kind: 'new', v: q, text: `Add: ${q}` });
      if (!rows.length) msg = taken ? `"${q}" is already selected` : q ? 'No results' : 'No options to select';
    }
    note.textContent = msg;
    note.hidden = !msg;
    list.replaceChildren(...rows.map((r, k) => h('div', {
      id: `${listId}-${k}`, role: 'option', class: 'rr-combo-opt' + (r.kind !== 'opt' ? ' rr-combo-' + r.kind : ''),
      'aria-selected': String(!multi && r.kind === 'opt' && r.v === val), text: r.text,
      onclick: () => choose(r),
    })));
    list.hidden = !rows.length;
    if (active >= rows.length) active = rows.length - 1;
    mark();
  }

  function mark() {
    [...list.children].forEach((o, k) => o.classList.toggle('rr-active', k === active));
    const a = list.children[active];
    if (a) { input.setAttribute('aria-activedescendant', a.id); a.scrollIntoView({ block: 'nearest' }); }
    else input.removeAttribute('aria-activedescendant');
  }

  function show() { // the closed field: the chosen option's text, or the chips and the placeholder
    const E = st.e;
    if (!open) input.value = multi ? '' : name(val);
    input.placeholder = multi && val.length ? '' : E.placeholder || '';
    if (multi) {
      chips.replaceChildren(...val.map((v) => h('span', { class: 'rr-chip' }, h('span', { class: 'rr-chip-t', text: name(v) }),
        h('button', {
          type: 'button', class: 'rr-chip-x', 'aria-label': 'Remove ' + name(v), text: '×', disabled: E.disabled,
          onmousedown: (ev) => ev.preventDefault(),
          onclick: () => { remove(v); input.focus(); },
        }))));
      clear.hidden = !val.length || E.disabled;
    }
  }

  function remove(v) {
    val = val.filter((x) => x !== v);
    show();
    if (open) rebuild();
    commit();
  }

  function choose(r) {
    if (multi) {
      const room = st.e.max != null ? st.e.max - val.length : Infinity;
      const add = r.kind === 'all' ? r.items.slice(0, room) : [r.v];
      if (!add.length || room <= 0) return;
      val = [...val, ...add];
      typed = false;
      input.value = '';
      active = -1;
      show();
      rebuild();
    } else {
      val = r.v;
      close();
    }
    commit();
  }

  function openList(at, typing) {
    if (open || st.e.disabled) return;
    open = true;
    typed = false;
    pop.hidden = false;
    field.classList.add('rr-open');
    input.setAttribute('aria-expanded', 'true');
    const r = field.getBoundingClientRect();
    pop.classList.toggle('rr-up', r.bottom + 300 > innerHeight && r.top > 300);
    rebuild();
    const cur = rows.findIndex((x) => x.kind === 'opt' && x.v === val);
    active = at === 'last' ? rows.length - 1 : cur >= 0 ? cur : at === 'first' ? 0 : -1;
    mark();
    if (!multi && !input.readOnly && !typing) { // as in Streamlit: the chosen option greys out and typing starts afresh
      input.placeholder = name(val) || st.e.placeholder || '';
      input.value = '';
    }
  }

  function close() {
    if (!open) return;
    open = false;
    typed = false;
    active = -1;
    pop.hidden = true;
    field.classList.remove('rr-open');
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    show();
  }

  const move = (to) => { if (rows.length) { active = Math.max(0, Math.min(rows.length - 1, to)); mark(); } };
  input.addEventListener('keydown', (ev) => {
    if (ev.isComposing) return;
    const k = ev.key;
    if (k === 'ArrowDown' || k === 'ArrowUp') {
      ev.preventDefault();
      if (!open) openList(k === 'ArrowDown' ? 'first' : 'last');
      else if (ev.altKey && k === 'ArrowUp') close();
      else move(active < 0 && k === 'ArrowUp' ? rows.length - 1 : active + (k === 'ArrowDown' ? 1 : -1));
    } else if ((k === 'Home' || k === 'End') && open && rows.length) {
      ev.preventDefault();
      move(k === 'Home' ? 0 : rows.length - 1);
    } else if (k === 'PageDown' || k === 'PageUp') {
      if (open) { ev.preventDefault(); move(active + (k === 'PageDown' ? 10 : -10)); }
    } else if (k === 'Enter') {
      if (!open) { if (!st.e.form) { ev.preventDefault(); openList('first'); } return; }
      ev.preventDefault();
      const r = rows[active] ?? rows[0];
      if (r) choose(r);
    } else if (k === 'Escape') {
      if (open) { ev.preventDefault(); ev.stopPropagation(); close(); }
    } else if (k === 'Backspace' && multi && !input.value && val.length && !st.e.disabled) {
      remove(val[val.length - 1]);
    } else if (k === 'Tab') {
      close();
    }
  });
  input.addEventListener('input', () => {
    if (!open) openList(null, true);
    typed = true;
    active = -1;
    rebuild();
  });
  input.addEventListener('click', () => openList());
  input.addEventListener('blur', () => close());
  field.addEventListener('mousedown', (ev) => {
    if (ev.target === input || ev.target.closest('button') || st.e.disabled) return;
    ev.preventDefault(); // a click on the field's padding, chips or arrow: focus and toggle
    input.focus();
    if (open) close(); else openList();
  });
  clear.addEventListener('mousedown', (ev) => ev.preventDefault());
  pop.addEventListener('mousedown', (ev) => ev.preventDefault()); // its scrollbar and note too
  clear.addEventListener('click', () => { val = []; show(); if (open) rebuild(); commit(); input.focus(); });

  return {
    node,
    paint(e) {
      input.disabled = e.disabled;
      input.readOnly = !e.filter; // filter_mode=None: no typing, the list only
      field.classList.toggle('rr-disabled', !!e.disabled);
      field.classList.toggle('rr-nowrap', e.wrap === false);
      const ic = e.icon || '';
      icon.textContent = ic === 'spinner' ? '' : ic;
      icon.classList.toggle('rr-spin', ic === 'spinner');
      icon.hidden = !ic;
      node.style.maxWidth = e.width ? e.width + 'px' : '';
      if (e.disabled) close();
      show();
      if (open) rebuild();
    },
    get: () => (multi ? val.slice() : val),
    set: (v) => { val = multi ? (v || []).slice() : v ?? null; show(); if (open) rebuild(); },
  };
}
