import { h, dec, field, setLabel, widget } from '../dom.js';
import { fmtNumber, parseNumber } from '../numfmt.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'min', 'max', 'step', 'int', 'placeholder', 'format', 'icon', 'width'];

// A number typed, or stepped with − / + (disabled at the bounds) and ArrowUp/ArrowDown. The field
// shows the value in the app's `format` ("$%.2f" shows "$3.50"); what is typed may carry it too.
function build(e, id, st) {
  const f = field(id);
  const inp = h('input', { id, class: 'rr-num-in', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const icon = h('span', { class: 'rr-num-icon', 'aria-hidden': 'true', hidden: true });
  // Without a format a float shows at least two decimals (Streamlit's "%0.2f"), more when the
  // step or the value has them.
  const plain = (v) => (st.e.int ? String(v) : v.toFixed(Math.max(2, dec(st.e.step), dec(+v.toFixed(10)))));
  const show = (x) => fmtNumber(x, st.e.format, plain);
  const parse = () => {
    const s = inp.value.trim(), E = st.e, x = E.format ? parseNumber(s) : Number(s);
    if (!s || x == null || !isFinite(x)) return null;
    if ((E.int && !Number.isInteger(x)) || (E.min != null && x < E.min) || (E.max != null && x > E.max)) return null;
    return x;
  };
  const bounds = () => {
    const E = st.e, x = parse() ?? E.value;
    minus.disabled = E.disabled || (x != null && E.min != null && x <= E.min);
    plus.disabled = E.disabled || (x != null && E.max != null && x >= E.max);
  };
  const check = () => {
    const v = parse(), E = st.e, bad = v === null && inp.value.trim() !== '';
    inp.setAttribute('aria-invalid', bad);
    inp.title = bad ? `Enter ${E.int ? 'an integer' : 'a number'}${E.min != null ? ' ≥ ' + E.min : ''}${E.max != null ? ' ≤ ' + E.max : ''}` : '';
    bounds();
    return v;
  };
  const put = (x) => {
    inp.value = x == null ? '' : show(x);
    check();
    if (x !== null && x !== st.cur) st.setV(x);
  };
  inp.onchange = () => { const v = check(); if (v !== null) put(v); };
  inp.onkeydown = (ev) => { if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') { ev.preventDefault(); bump(ev.key === 'ArrowUp' ? 1 : -1); } };
  const bump = (d) => {
    const E = st.e, step = E.step || 1;
    let x = (parse() ?? E.value ?? E.min ?? 0) + d * step;
    if (E.min != null) x = Math.max(E.min, x);
    if (E.max != null) x = Math.min(E.max, x);
    put(+x.toFixed(E.int ? 0 : Math.max(dec(step), dec(E.value))));
  };
  const minus = h('button', { type: 'button', class: 'rr-step', 'aria-label': 'Decrease', 'aria-controls': id, text: '−', onclick: () => bump(-1) });
  const plus = h('button', { type: 'button', class: 'rr-step', 'aria-label': 'Increase', 'aria-controls': id, text: '+', onclick: () => bump(1) });
  const box = h('div', { class: 'rr-num' }, icon, inp, minus, plus);
  box.addEventListener('mousedown', (ev) => { if (ev.target === box || ev.target === icon) { ev.preventDefault(); inp.focus(); } });
  return {
    node: h('div', {}, f.row, box),
    paint(e) {
      setLabel(f.lt, e);
      inp.inputMode = e.int ? 'numeric' : 'decimal';
      inp.placeholder = e.placeholder || '';
      inp.disabled = e.disabled;
      box.classList.toggle('rr-disabled', !!e.disabled);
      const ic = e.icon || '';
      icon.textContent = ic === 'spinner' ? '' : ic;
      icon.classList.toggle('rr-spin', ic === 'spinner');
      icon.hidden = !ic;
      box.style.maxWidth = e.width ? e.width + 'px' : '';
      bounds();
    },
    get: () => parse(),
    set: (v) => { inp.value = v == null ? '' : show(v); check(); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
