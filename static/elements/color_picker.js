import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'width'];

// The browser's colour field (Enter or Space opens its dialog), with the hex value beside it.
function build(e, id, st) {
  const f = field(id);
  const inp = h('input', { type: 'color', id, class: 'rr-swatch' });
  const hex = h('code', { class: 'rr-hex', 'aria-hidden': 'true' });
  inp.oninput = () => (hex.textContent = inp.value);
  inp.onchange = () => { hex.textContent = inp.value; if (inp.value !== st.cur) st.setV(inp.value); };
  return {
    node: h('div', {}, f.row, h('div', { class: 'rr-color' }, inp, hex)),
    paint(e) { setLabel(f.lt, e); inp.disabled = e.disabled; },
    get: () => inp.value,
    set: (v) => { inp.value = v || '#000000'; hex.textContent = inp.value; },
  };
}

export default (e, ctx) => widget(e, ctx, build);
