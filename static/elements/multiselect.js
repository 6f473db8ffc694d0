import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'options', 'placeholder', 'max'];

function build(e, id, st) {
  const f = field(id);
  let val = [];
  const chips = h('div', { class: 'rr-chips' });
  const sel = h('select', { id, class: 'rr-input' });
  const render = () => {
    const E = st.e;
    chips.replaceChildren(...val.map((i) => h('span', { class: 'rr-chip' }, E.options[i],
      h('button', { type: 'button', 'aria-label': 'Remove ' + E.options[i], text: '×', disabled: E.disabled,
        onclick: () => { val = val.filter((j) => j !== i); render(); st.setV(val.slice()); sel.focus(); } }))));
    const full = E.max != null && val.length >= E.max; // max_selections: no more choices offered
    const head = val.length === E.options.length ? 'All selected' : full ? `At most ${E.max} selected` : E.placeholder || 'Choose options';
    sel.replaceChildren(h('option', { value: '', text: head }),
      ...E.options.map((o, i) => (val.includes(i) ? null : h('option', { value: i, text: o }))).filter(Boolean));
    sel.value = '';
    sel.disabled = E.disabled || full || val.length === E.options.length;
  };
  sel.onchange = () => { if (sel.value === '') return; val = [...val, +sel.value]; render(); st.setV(val.slice()); };
  return {
    node: h('div', {}, f.row, h('div', { class: 'rr-multi' }, chips, sel)),
    paint(e) { setLabel(f.lt, e); render(); },
    get: () => val.slice(),
    set: (v) => { val = (v || []).slice(); render(); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
