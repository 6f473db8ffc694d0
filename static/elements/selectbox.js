import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'index', 'options', 'placeholder'];

function build(e, id, st) {
  const f = field(id);
  const sel = h('select', { id, class: 'rr-input' });
  sel.onchange = () => st.setV(+sel.value);
  return {
    node: h('div', {}, f.row, sel),
    paint(e) {
      setLabel(f.lt, e);
      const key = JSON.stringify([e.options, e.placeholder]);
      if (key !== sel.rrKey) {
        const cur = sel.value;
        sel.rrKey = key;
        sel.replaceChildren(h('option', { value: '', disabled: true, hidden: true, text: e.placeholder || 'Choose an option' }),
          ...e.options.map((o, i) => h('option', { value: i, text: o })));
        sel.value = cur;
      }
      sel.disabled = e.disabled;
    },
    get: () => (sel.value === '' ? null : +sel.value),
    set: (v) => (sel.value = v == null ? '' : v),
  };
}

export default (e, ctx) => widget(e, ctx, build);
