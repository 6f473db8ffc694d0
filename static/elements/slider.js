import { h, dec, eq, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'min', 'max', 'step', 'int'];

function build(e, id, st) {
  const f = field(id);
  const out = h('output', { class: 'rr-sv', for: id });
  const fill = h('div', { class: 'rr-fill' });
  const range = Array.isArray(e.value);
  const ins = (range ? [0, 1] : [0]).map((i) => h('input', {
    type: 'range', id: i ? id + 'b' : id, 'aria-label': range ? (i ? 'Upper value' : 'Lower value') : null,
  }));
  f.row.append(out);
  const fmt = (x) => (st.e.int ? String(x) : x.toFixed(dec(st.e.step ?? 0.01)));
  const get = () => (range ? ins.map((i) => +i.value) : +ins[0].value);
  const show = (moved) => {
    if (range && +ins[0].value > +ins[1].value) (moved === ins[0] ? ins[1] : ins[0]).value = moved.value;
    const v = get(), E = st.e, pct = (x) => ((x - E.min) / (E.max - E.min || 1)) * 100;
    out.textContent = range ? `${fmt(v[0])} – ${fmt(v[1])}` : fmt(v);
    fill.style.left = (range ? pct(v[0]) : 0) + '%';
    fill.style.right = 100 - pct(range ? v[1] : v) + '%';
  };
  for (const i of ins) {
    i.oninput = () => show(i);
    i.onchange = () => { const v = get(); if (!eq(v, st.cur)) st.setV(v); };
  }
  return {
    node: h('div', {}, f.row, h('div', { class: 'rr-range' + (range ? ' rr-two' : '') }, h('div', { class: 'rr-track' }, fill), ...ins)),
    paint(e) {
      setLabel(f.lt, e);
      for (const i of ins) Object.assign(i, { min: e.min, max: e.max, step: e.step ?? 'any', disabled: e.disabled });
      show(ins[0]);
    },
    get,
    set: (v) => { (range ? v : [v]).forEach((x, i) => (ins[i].value = x)); show(ins[0]); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
