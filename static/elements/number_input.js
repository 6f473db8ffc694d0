import { h, dec, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'min', 'max', 'step', 'int', 'placeholder'];

function build(e, id, st) {
  const f = field(id);
  const inp = h('input', { id, class: 'rr-input', type: 'text', autocomplete: 'off' });
  const parse = () => {
    const s = inp.value.trim(), x = Number(s), E = st.e;
    if (!s || !isFinite(x)) return null;
    if ((E.int && !Number.isInteger(x)) || (E.min != null && x < E.min) || (E.max != null && x > E.max)) return null;
    return x;
  };
  const check = () => {
    const v = parse(), E = st.e, bad = v === null && inp.value.trim() !== '';
    inp.setAttribute('aria-invalid', bad);
    inp.title = bad ? `Enter ${E.int ? 'an integer' : 'a number'}${E.min != null ? ' ≥ ' + E.min : ''}${E.max != null ? ' ≤ ' + E.max : ''}` : '';
    return v;
  };
  inp.onchange = () => { const v = check(); if (v !== null && v !== st.cur) st.setV(v); };
  inp.onkeydown = (ev) => { if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') { ev.preventDefault(); bump(ev.key === 'ArrowUp' ? 1 : -1); } };
  const bump = (d) => {
    const E = st.e, step = E.step || 1;
    let x = (parse() ?? E.value ?? E.min ?? 0) + d * step;
    if (E.min != null) x = Math.max(E.min, x);
    if (E.max != null) x = Math.min(E.max, x);
    x = +x.toFixed(E.int ? 0 : Math.max(dec(step), dec(E.value)));
    inp.value = x;
    check();
    if (x !== st.cur) st.setV(x);
  };
  const minus = h('button', { type: 'button', class: 'rr-step', 'aria-label': 'Decrease', text: '−', onclick: () => bump(-1) });
  const plus = h('button', { type: 'button', class: 'rr-step', 'aria-label': 'Increase', text: '+', onclick: () => bump(1) });
  return {
    node: h('div', {}, f.row, h('div', { class: 'rr-num' }, inp, minus, plus)),
    paint(e) {
      setLabel(f.lt, e);
      inp.inputMode = e.int ? 'numeric' : 'decimal';
      inp.placeholder = e.placeholder || '';
      inp.disabled = minus.disabled = plus.disabled = e.disabled;
    },
    get: () => parse(),
    set: (v) => { inp.value = v ?? ''; check(); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
