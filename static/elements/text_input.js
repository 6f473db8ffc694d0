import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'placeholder', 'max_chars', 'password'];

function build(e, id, st, ctx) {
  const f = field(id);
  const inp = h('input', { id, class: 'rr-input' });
  const commit = () => { if (inp.value !== st.cur) st.setV(inp.value); };
  inp.onblur = commit;
  inp.onkeydown = (ev) => {
    if (ev.key !== 'Enter' || ev.isComposing) return;
    if (st.e.form) ctx.enter(st.e.form); else commit();
  };
  return {
    node: h('div', {}, f.row, inp),
    paint(e) {
      setLabel(f.lt, e);
      inp.type = e.password ? 'password' : 'text';
      inp.placeholder = e.placeholder || '';
      if (e.max_chars) inp.maxLength = e.max_chars; else inp.removeAttribute('maxlength');
      inp.disabled = e.disabled;
    },
    get: () => inp.value,
    set: (v) => (inp.value = v ?? ''),
  };
}

export default (e, ctx) => widget(e, ctx, build);
