import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'placeholder', 'max_chars', 'height'];

function build(e, id, st) {
  const f = field(id);
  const ta = h('textarea', { id, class: 'rr-input', rows: 4 });
  const commit = () => { if (ta.value !== st.cur) st.setV(ta.value); };
  ta.onblur = commit;
  ta.onkeydown = (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); commit(); } };
  return {
    node: h('div', {}, f.row, ta),
    paint(e) {
      setLabel(f.lt, e);
      ta.placeholder = e.placeholder || '';
      if (e.max_chars) ta.maxLength = e.max_chars; else ta.removeAttribute('maxlength');
      ta.style.height = e.height ? e.height + 'px' : '';
      ta.disabled = e.disabled;
    },
    get: () => ta.value,
    set: (v) => (ta.value = v ?? ''),
  };
}

export default (e, ctx) => widget(e, ctx, build);
