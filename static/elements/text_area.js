import { h, field, setLabel, widget } from '../dom.js';
import { check } from './text_input.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'placeholder', 'max_chars', 'height', 'required', 'width'];

function build(e, id, st) {
  const f = field(id);
  const ta = h('textarea', { id, class: 'rr-input', rows: 4 });
  const err = h('div', { class: 'rr-in-err', 'aria-live': 'polite' });
  const commit = () => {
    const ok = check(ta, st.e, ta.value);
    err.textContent = ok ? '' : ta.validationMessage;
    if (ok && ta.value !== st.cur) st.setV(ta.value);
  };
  ta.onblur = commit;
  ta.onkeydown = (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); commit(); } };
  return {
    node: h('div', {}, f.row, ta, err),
    paint(e) {
      setLabel(f.lt, e);
      ta.placeholder = e.placeholder || '';
      if (e.max_chars) ta.maxLength = e.max_chars; else ta.removeAttribute('maxlength');
      ta.style.height = e.height ? e.height + 'px' : '';
      ta.required = !!e.required;
      ta.disabled = e.disabled;
    },
    get: () => ta.value,
    set: (v) => { ta.value = v ?? ''; err.textContent = ''; ta.setCustomValidity(''); },
    valid: (show) => {
      const ok = check(ta, st.e, ta.value);
      if (show) { err.textContent = ok ? '' : ta.validationMessage; ta.focus(); }
      return ok;
    },
  };
}

export default (e, ctx) => widget(e, ctx, build);
