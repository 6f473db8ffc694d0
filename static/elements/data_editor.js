// rr.data_editor: dataframe.js's grid with editable cells. A cell opens an editor of its type on
// double-click, Enter or typing (text / number fields, a list of options, date and time
// pickers; a check box toggles on click or Space); Enter or Tab commits, Escape cancels. Each
// commit sends the whole editing state (Streamlit's edited_rows / added_rows / deleted_rows);
// the server checks it and a refused value comes back as an `error` op with this widget's id
// (client.js hands it to `refusals`): the cell goes back to its value and shows the reason.
import { h, refusals } from '../dom.js';
import { grid } from './dataframe.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'edits', 'num_rows', 'data', 'n', 'cols', 'rows', 'width', 'height', 'row_height', 'placeholder', 'alt'];

const EMPTY = () => ({ edited_rows: {}, added_rows: [], deleted_rows: [] });
const INPUT = { date: 'date', datetime: 'datetime-local', time: 'time' };
const where = /^row \d+, column .*?: /;

export default function mount(e, ctx) {
  let E = e, state = EMPTY(), inflight = [], bad = null, active = null, open = null;
  const canAdd = () => ['dynamic', 'add'].includes(E.num_rows) && !E.disabled;
  const canDelete = () => ['dynamic', 'delete'].includes(E.num_rows) && !E.disabled;
  const editable = (col) => !col.disabled && !E.disabled;
  const deleted = () => new Set(state.deleted_rows);
  const defaults = () => Object.fromEntries(E.cols.filter((c) => editable(c) && c.default != null).map((c) => [c.name, c.default]));

  function overlay(r) { // a row of the data with its edits: a new array, the data's stays as sent
    const ed = state.edited_rows[r[0]];
    if (!ed) return r;
    const out = r.slice();
    E.cols.forEach((col, j) => { if (col.name in ed) out[j + 1] = ed[col.name]; });
    return out;
  }
  function added(k) { // the k-th added row; its position is n + k (as the server names it)
    const cells = { ...defaults(), ...state.added_rows[k] };
    return [E.n + k, ...E.cols.map((col) => (col.index ? null : cells[col.name] ?? null))];
  }
  const hooks = {
    base: (rows) => {
      const gone = deleted();
      return [...rows.filter((r) => !gone.has(r[0])).map(overlay), ...state.added_rows.map((_, k) => added(k))];
    },
    extra: () => state.added_rows.length,
    row: (k) => (k < state.added_rows.length ? added(k) : undefined),
    overlay,
    cell(c, col, r, i, j) {
      c.dataset.i = i; c.dataset.j = j;
      c.id = `${E.id}-${i}-${j}`;
      if (!editable(col)) c.classList.add('rr-de-ro');
      if (E.data && deleted().has(r[0])) c.classList.add('rr-de-gone');
      if (active && active.i === i && active.j === j) c.classList.add('rr-de-active');
      if (r[j + 1] == null && E.placeholder && !col.index) { c.classList.remove('rr-null'); c.append(h('span', { class: 'rr-de-ph', text: E.placeholder })); }
      if (col.type === 'checkbox' && editable(col)) {
        const box = c.querySelector('input');
        if (box) { box.disabled = false; box.onclick = (ev) => { ev.preventDefault(); activate(i, j); commit(i, j, !r[j + 1]); }; }
      }
      if (bad && bad.pos === r[0] && bad.name === col.name) {
        c.classList.add('rr-de-bad');
        c.setAttribute('aria-invalid', 'true');
        c.title = bad.message;
        c.append(h('span', { class: 'rr-de-msg', text: bad.message }));
        requestAnimationFrame(() => place(c)); // and in full under the cell, however narrow it is
      }
    },
    header: (c, col) => { if (editable(col) && !col.index) c.classList.add('rr-de-editable'); },
    choose: () => { tools(); },
    name: 'Data editor',
  };
  const view = (e) => ({
    ...e, modes: canDelete() ? ['multi-row'] : null, selection: g ? g.selection() : null,
    cols: e.cols.map((c) => (!c.disabled && !e.disabled && !c.index ? { ...c, pad: 2 } : c)), // the pencil
  });
  let g = null;
  g = grid(view(e), ctx, hooks);
  const { node, scroll } = g;
  const gridEl = g.grid;
  node.classList.add('rr-data-editor');

  // ---- toolbar: add a row, delete the selected ones --------------------------------------------
  const addBtn = h('button', { type: 'button', class: 'rr-de-tool', onclick: () => addRow() }, h('span', { 'aria-hidden': 'true', text: '+' }), ' Add row');
  const delBtn = h('button', { type: 'button', class: 'rr-de-tool', onclick: () => deleteRows() }, h('span', { 'aria-hidden': 'true', text: '×' }), ' Delete rows');
  const bar = h('div', { class: 'rr-de-bar', role: 'toolbar', 'aria-label': 'Rows' }, addBtn, delBtn);
  const live = h('div', { class: 'rr-de-live', 'aria-live': 'assertive' });
  const tip = h('div', { class: 'rr-de-tip', 'aria-hidden': 'true', hidden: true });
  function place(c) {
    if (!bad || !c.isConnected) { tip.hidden = true; return; }
    const box = c.getBoundingClientRect(), at = node.getBoundingClientRect();
    tip.textContent = bad.message;
    tip.hidden = false;
    tip.style.left = Math.max(0, Math.min(box.left - at.left, at.width - tip.offsetWidth)) + 'px';
    tip.style.top = box.bottom - at.top + 2 + 'px';
  }
  node.prepend(bar);
  node.append(live, tip);
  function tools() {
    addBtn.hidden = !canAdd();
    delBtn.hidden = !canDelete();
    delBtn.disabled = !g.selection().rows.length;
    bar.hidden = addBtn.hidden && delBtn.hidden;
  }

  // ---- changing the state ------------------------------------------------------------------------
  let confirmed = EMPTY(); // the state the server last drew
  function change(mutate, cell) {
    const before = JSON.stringify(state);
    mutate();
    if (JSON.stringify(state) === before) return;
    bad = null;
    tip.hidden = true;
    if (E.form) { g.redraw(); return; }
    inflight.push({ before, sent: JSON.stringify(state), cell });
    ctx.send({ t: 'set', id: E.id, v: state });
    g.redraw();
  }
  function commit(i, j, value) {
    const r = g.rowAt(i), col = E.cols[j];
    if (!r || !editable(col)) return;
    const pos = r[0];
    change(() => {
      if (pos >= E.n) {
        const k = pos - E.n;
        state.added_rows[k] = { ...state.added_rows[k], [col.name]: value };
      } else {
        const ed = { ...(state.edited_rows[pos] || {}) };
        ed[col.name] = value;
        state.edited_rows = { ...state.edited_rows, [pos]: ed };
      }
    }, { pos, name: col.name });
  }
  function addRow() {
    const first = E.cols.findIndex((c) => editable(c) && !c.index);
    change(() => { state.added_rows = [...state.added_rows, {}]; }, null);
    const last = g.count() - 1;
    scroll.scrollTop = scroll.scrollHeight;
    activate(last, Math.max(first, 0));
    gridEl.focus();
  }
  function deleteRows() {
    const rows = g.selection().rows;
    change(() => {
      const gone = new Set(state.deleted_rows);
      const drop = new Set();
      for (const pos of rows) { if (pos >= E.n) drop.add(pos - E.n); else gone.add(pos); }
      state.added_rows = state.added_rows.filter((_, k) => !drop.has(k));
      state.deleted_rows = [...gone].sort((a, b) => a - b);
    }, null);
    g.setSelection({ rows: [], columns: [] });
    active = null;
    tools();
  }

  const refused = (o) => { // the server refused the oldest edit in flight: back to before it
    const first = inflight[0];
    inflight = [];
    state = first ? JSON.parse(first.before) : JSON.parse(JSON.stringify(confirmed));
    const message = String(o.detail || o.message || 'refused').replace(where, '');
    const cell = first?.cell;
    bad = cell ? { ...cell, message } : null;
    live.textContent = message;
    g.redraw();
    return !!cell;
  };

  // ---- the active cell and its editor -------------------------------------------------------------
  function activate(i, j) {
    active = { i: Math.max(0, Math.min(i, g.count() - 1)), j: Math.max(0, Math.min(j, E.cols.length - 1)) };
    const R = g.rowHeight(), body = scroll.clientHeight - g.geom.head;
    const top = active.i * R;
    if (g.geom.total <= g.geom.space) {
      if (top < scroll.scrollTop) scroll.scrollTop = top;
      else if (top + R > scroll.scrollTop + body) scroll.scrollTop = top + R - body;
    }
    for (const c of gridEl.querySelectorAll('.rr-de-active')) c.classList.remove('rr-de-active');
    gridEl.querySelector(`[data-i="${active.i}"][data-j="${active.j}"]`)?.classList.add('rr-de-active');
    gridEl.setAttribute('aria-activedescendant', `${E.id}-${active.i}-${active.j}`);
  }

  function openEditor(typed) {
    if (!active || open) return;
    const { i, j } = active, col = E.cols[j], r = g.rowAt(i);
    if (!r || !editable(col)) return;
    const v = r[j + 1];
    if (col.type === 'checkbox') { commit(i, j, !v); return; }
    const cell = gridEl.querySelector(`[data-i="${i}"][data-j="${j}"]`);
    if (!cell) return;
    let input;
    if (col.type === 'selectbox') {
      const options = col.options || [];
      input = h('select', { class: 'rr-de-input', 'aria-label': col.label },
        h('option', { value: '', text: '' }), ...options.map((o, k) => h('option', { value: k, text: String(o) })));
      const at = options.findIndex((o) => o === v);
      input.value = at >= 0 ? String(at) : '';
    } else {
      const type = INPUT[col.type] || 'text';
      input = h('input', { class: 'rr-de-input', type, 'aria-label': col.label });
      if (col.type === 'number') input.setAttribute('inputmode', 'decimal');
      if (type !== 'text') input.step = 1;
      input.value = typed ?? (v == null ? '' : col.type === 'datetime' ? String(v).replace(' ', 'T').slice(0, 19) : String(v));
    }
    const box = cell.getBoundingClientRect(), at = node.getBoundingClientRect();
    input.style.cssText = `left:${box.left - at.left}px;top:${box.top - at.top}px;width:${Math.max(box.width, 120)}px;height:${box.height}px`;
    const value = () => {
      if (col.type === 'selectbox') return input.value === '' ? null : (col.options || [])[+input.value];
      const s = input.value;
      if (col.type === 'number') {
        if (s.trim() === '') return null;
        const x = Number(s.trim());
        return Number.isFinite(x) && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(s) ? x : s;
      }
      if (col.type === 'text' || col.type === 'link') return s;
      return s === '' ? null : s;
    };
    const close = (save, move) => {
      if (open !== input) return;
      open = null;
      input.remove();
      if (save) {
        const nv = value();
        if (JSON.stringify(nv) !== JSON.stringify(v ?? (col.type === 'text' ? '' : null)) || (col.type === 'text' && v == null && nv !== '')) commit(i, j, nv);
      }
      if (move) activate(active.i + move[0], active.j + move[1]);
      gridEl.focus();
    };
    input.addEventListener('keydown', (ev) => {
      ev.stopPropagation();
      if (ev.key === 'Enter') { ev.preventDefault(); close(true, [1, 0]); }
      else if (ev.key === 'Tab') { ev.preventDefault(); close(true, [0, ev.shiftKey ? -1 : 1]); }
      else if (ev.key === 'Escape') { ev.preventDefault(); close(false); }
    });
    input.addEventListener('blur', () => close(true));
    if (col.type === 'selectbox') input.addEventListener('change', () => close(true));
    open = input;
    node.append(input);
    input.focus();
    if (typed != null && input.setSelectionRange) input.setSelectionRange(typed.length, typed.length);
  }
  scroll.addEventListener('scroll', () => { open?.blur(); tip.hidden = true; }, { passive: true });

  gridEl.addEventListener('click', (ev) => {
    const c = ev.target.closest('[data-i]');
    if (c && !ev.target.closest('input,a')) activate(+c.dataset.i, +c.dataset.j);
  });
  gridEl.addEventListener('dblclick', (ev) => {
    const c = ev.target.closest('[data-i]');
    if (c) activate(+c.dataset.i, +c.dataset.j);
    if (c || active) openEditor();
  });
  gridEl.addEventListener('keydown', (ev) => {
    if (ev.target !== gridEl) return;
    const moves = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, ev.shiftKey ? -1 : 1] };
    if (!active && (moves[ev.key] || ev.key === 'Enter')) { activate(0, 0); ev.preventDefault(); ev.stopImmediatePropagation(); return; }
    if (!active) return;
    if (moves[ev.key]) activate(active.i + moves[ev.key][0], active.j + moves[ev.key][1]);
    else if (ev.key === 'Enter' || ev.key === 'F2') openEditor();
    else if (ev.key === ' ' && E.cols[active.j]?.type === 'checkbox') openEditor();
    else if ((ev.key === 'Delete' || ev.key === 'Backspace') && editable(E.cols[active.j])) commit(active.i, active.j, E.cols[active.j].type === 'text' ? '' : null);
    else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !['checkbox', 'selectbox', 'date', 'datetime', 'time'].includes(E.cols[active.j]?.type)) openEditor(ev.key);
    else return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
  }, true);

  function update(e) {
    if (E.id !== e.id) refusals.delete(E.id);
    E = e;
    refusals.set(e.id, refused);
    const server = JSON.stringify(e.edits || EMPTY());
    confirmed = JSON.parse(server);
    const at = inflight.findIndex((x) => x.sent === server);
    if (at >= 0) inflight = inflight.slice(at + 1);
    if (!inflight.length && !E.form) state = JSON.parse(server);
    g.update(view(e));
    tools();
  }
  update(e);
  return {
    node, update, w: true, id: e.id,
    get: () => JSON.parse(JSON.stringify(state)),
    set: (v) => { state = JSON.parse(JSON.stringify(v || EMPTY())); g.redraw(); },
  };
}
