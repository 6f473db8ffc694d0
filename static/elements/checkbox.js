import { h, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'width', 'wrap'];

// Shared with toggle.js (a checkbox with role=switch).
export function check(e, id, st) {
  const inp = h('input', { type: 'checkbox', id, role: e.k === 'toggle' ? 'switch' : null, onchange: () => st.setV(inp.checked) });
  const lt = h('span');
  return {
    node: h('div', {}, h('label', { class: 'rr-check' + (e.k === 'toggle' ? ' rr-toggle' : '') }, inp, lt)),
    paint(e) { setLabel(lt, e); inp.disabled = e.disabled; },
    get: () => inp.checked,
    set: (v) => (inp.checked = !!v),
  };
}

export default (e, ctx) => widget(e, ctx, check);
