import { h, eq, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'options'];

// A slider over option indices; the thumbs and the label row show the options' labels.
function build(e, id, st) {
  const f = field(id);
  const out = h('output', { class: 'rr-sv', for: id });
  const fill = h('div', { class: 'rr-fill' });
  const range = Array.isArray(e.value);
  const ins = (range ? [0, 1] : [0]).map((i) => h('input', {
    type: 'range', id: i ? id + 'b' : id, min: 0, step: 1, 'aria-label': range ? (i ? 'Upper value' : 'Lower value') : null,
  }));
  f.row.append(out);
  const ends = h('div', { class: 'rr-ends', 'aria-hidden': 'true' }, h('span'), h('span'));
  const get = () => (range ? ins.map((i) => +i.value) : +ins[0].value);
  const name = (i) => st.e.options[i] ?? '';
  const show = (moved) => {
    if (range && +ins[0].value > +ins[1].value) (moved === ins[0] ? ins[1] : ins[0]).value = moved.value;
    const v = get(), top = st.e.options.length - 1, pct = (x) => (x / (top || 1)) * 100;
    out.textContent = range ? `${name(v[0])} – ${name(v[1])}` : name(v);
    for (const i of ins) i.setAttribute('aria-valuetext', name(+i.value));
    fill.style.left = (range ? pct(v[0]) : 0) + '%';
    fill.style.right = 100 - pct(range ? v[1] : v) + '%';
  };
  for (const i of ins) {
    i.oninput = () => show(i);
    i.onchange = () => { const v = get(); if (!eq(v, st.cur)) st.setV(v); };
  }
  return {
    node: h('div', {}, f.row, h('div', { class: 'rr-range' + (range ? ' rr-two' : '') }, h('div', { class: 'rr-track' }, fill), ...ins), ends),
    paint(e) {
      setLabel(f.lt, e);
      for (const i of ins) Object.assign(i, { max: e.options.length - 1, disabled: e.disabled });
      ends.children[0].textContent = e.options[0] ?? '';
      ends.children[1].textContent = e.options[e.options.length - 1] ?? '';
      show(ins[0]);
    },
    get,
    set: (v) => { (range ? v : [v]).forEach((x, i) => (ins[i].value = x)); show(ins[0]); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
