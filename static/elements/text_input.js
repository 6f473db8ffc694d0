import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'placeholder', 'max_chars', 'password', 'input_type', 'autocomplete', 'icon', 'required', 'pattern', 'mismatch', 'live', 'width'];

// Shared with text_area.js: whether `v` may be sent (required, pattern); says why not if not.
export function check(el, e, v) {
  let why = '';
  if (e.required && !v.trim()) why = 'A value is required.';
  else if (e.pattern && v) {
    try { if (!new RegExp(e.pattern).test(v)) why = e.mismatch || 'The value does not match the required format.'; } catch { /* the server checks it */ }
  }
  el.setCustomValidity(why);
  el.setAttribute('aria-invalid', why ? 'true' : 'false');
  return !why;
}

function build(e, id, st, ctx) {
  const f = field(id);
  const inp = h('input', { id, class: 'rr-input' });
  const icon = h('span', { class: 'rr-in-icon', 'aria-hidden': 'true' });
  const err = h('div', { class: 'rr-in-err', 'aria-live': 'polite' });
  const commit = () => {
    const ok = check(inp, st.e, inp.value);
    err.textContent = ok ? '' : inp.validationMessage;
    if (ok && inp.value !== st.cur) st.setV(inp.value);
  };
  let timer;
  inp.oninput = () => {
    if (st.e.form) { check(inp, st.e, inp.value); return; }
    if (st.e.live == null) return;
    clearTimeout(timer);
    timer = setTimeout(commit, st.e.live);
  };
  inp.onblur = commit;
  inp.onkeydown = (ev) => {
    if (ev.key !== 'Enter' || ev.isComposing) return;
    if (st.e.form) ctx.enter(st.e.form); else commit();
  };
  return {
    node: h('div', {}, f.row, h('div', { class: 'rr-in-wrap' }, icon, inp), err),
    paint(e) {
      setLabel(f.lt, e);
      inp.type = e.input_type || (e.password ? 'password' : 'text');
      inp.placeholder = e.placeholder || '';
      if (e.max_chars) inp.maxLength = e.max_chars; else inp.removeAttribute('maxlength');
      if (e.autocomplete) inp.autocomplete = e.autocomplete; else inp.removeAttribute('autocomplete');
      inp.required = !!e.required;
      icon.textContent = e.icon || '';
      icon.hidden = !e.icon;
      inp.classList.toggle('rr-has-icon', !!e.icon);
      inp.disabled = e.disabled;
    },
    get: () => inp.value,
    set: (v) => { inp.value = v ?? ''; err.textContent = ''; inp.setCustomValidity(''); },
    valid: (show) => {
      const ok = check(inp, st.e, inp.value);
      if (show) { err.textContent = ok ? '' : inp.validationMessage; inp.focus(); }
      return ok;
    },
  };
}

export default (e, ctx) => widget(e, ctx, build);
