import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'step'];

// A time field that sends only what it can: a complete time on the widget's step.
export function temporal(type) {
  return (e, id, st) => {
    const f = field(id);
    const inp = h('input', { type, id, class: 'rr-input' });
    const ok = () => inp.validity.valid && (inp.value !== '' || st.e.value === null || st.cur === null);
    const check = () => { const good = ok(); inp.setAttribute('aria-invalid', !good); return good; };
    inp.oninput = check;
    inp.onchange = () => { if (check()) st.setV(inp.value || null); };
    return {
      node: h('div', {}, f.row, inp),
      paint(e) {
        setLabel(f.lt, e);
        Object.assign(inp, { step: e.step, min: e.min ?? '', max: e.max ?? '', disabled: e.disabled });
      },
      get: () => inp.value || null,
      set: (v) => { inp.value = v ?? ''; check(); },
    };
  };
}

export default (e, ctx) => widget(e, ctx, temporal('time'));
