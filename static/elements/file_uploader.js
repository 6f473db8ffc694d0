// Files chosen here are PUT, raw, to the widget's own upload URL; the ids the server gives back
// become the widget's value. A refused upload (too large, a refused type) shows its message here
// and changes nothing else.
import { h, field, setLabel, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'upload', 'accept', 'multiple', 'max_bytes'];

const mb = (n) => (n / 1048576).toFixed(n < 1048576 ? 2 : 1) + ' MB';

const build = (e, id, st, ctx) => {
  const { lt, row } = field(id);
  const input = h('input', { type: 'file', id, class: 'rr-upload-input' });
  const list = h('ul', { class: 'rr-upload-files' });
  const note = h('div', { class: 'rr-upload-error', role: 'alert' });
  const ids = () => (st.held || []).map((f) => f.id);
  const send = (next) => st.setV(st.e.multiple ? next : (next[0] ?? null));

  const show = (files) => {
    st.held = files || [];
    list.replaceChildren(...st.held.map((f) => {
      const rm = h('button', { type: 'button', class: 'rr-upload-rm', 'aria-label': 'Remove ' + f.name,
        onclick: () => { st.held = st.held.filter((g) => g.id !== f.id); show(st.held); send(ids()); } }, '×');
      return h('li', {}, h('span', { class: 'rr-upload-name' }, f.name), ' ', h('span', { class: 'rr-upload-size' }, mb(f.size)), rm);
    }));
  };

  input.addEventListener('change', async () => {
    const chosen = [...input.files];
    input.value = '';
    note.textContent = '';
    const done = [];
    for (const file of chosen) {
      if (file.size > st.e.max_bytes) {
        note.textContent = `${file.name} is larger than the limit of ${mb(st.e.max_bytes)}.`;
        return;
      }
      let reply;
      try {
        const r = await fetch(st.e.upload + '?name=' + encodeURIComponent(file.name), {
          method: 'PUT', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' },
        });
        reply = await r.json().catch(() => ({ error: `upload failed (HTTP ${r.status})` }));
        if (!r.ok) throw new Error(reply.error || `upload failed (HTTP ${r.status})`);
      } catch (err) {
        note.textContent = `${file.name}: ${err.message}`;
        return;
      }
      done.push(reply);
    }
    if (!done.length) return;
    const files = st.e.multiple ? [...st.held, ...done] : [done[done.length - 1]];
    show(files);
    send(files.map((f) => f.id));
  });

  return {
    node: h('div', {}, row, input, list, note),
    paint(e) {
      setLabel(lt, e);
      input.disabled = e.disabled;
      input.multiple = !!e.multiple;
      if (e.accept && e.accept.length) input.accept = e.accept.join(','); else input.removeAttribute('accept');
    },
    get: () => ids(),
    set: (v) => show(Array.isArray(v) ? v : []),
  };
};

export default (e, ctx) => widget(e, ctx, build);
