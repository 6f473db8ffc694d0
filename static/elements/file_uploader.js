// Files chosen here (with the browse button, or dropped on the zone) are PUT, raw, to the
// widget's own upload URL, each with a progress bar; the ids the server gives back become the
// widget's value. A refused upload (too large, a refused type) shows its message here and changes
// nothing else.
import { h, field, setLabel, widget } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'upload', 'accept', 'multiple', 'max_bytes', 'width'];

const mb = (n) => (n / 1048576).toFixed(n < 1048576 ? 2 : 1) + ' MB';
const size = (n) => (n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : mb(n));

// PUT one file with upload progress (fetch reports none); resolves to the server's reply.
function send(url, file, progress) {
  return new Promise((ok, fail) => {
    const x = new XMLHttpRequest();
    x.open('PUT', url + '?name=' + encodeURIComponent(file.name));
    x.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    x.upload.onprogress = (ev) => { if (ev.lengthComputable) progress(ev.loaded / ev.total); };
    x.onload = () => {
      let reply;
      try { reply = JSON.parse(x.responseText); } catch { reply = { error: `upload failed (HTTP ${x.status})` }; }
      if (x.status >= 200 && x.status < 300) ok(reply); else fail(new Error(reply.error || `upload failed (HTTP ${x.status})`));
    };
    x.onerror = () => fail(new Error('upload failed (connection lost)'));
    x.send(file);
  });
}

const build = (e, id, st, ctx) => {
  const { lt, row } = field(id);
  const input = h('input', { type: 'file', id, class: 'rr-upload-input' });
  const browse = h('button', { type: 'button', class: 'rr-btn rr-secondary rr-upload-browse', tabindex: -1, 'aria-hidden': 'true', text: 'Browse files' });
  const limit = h('span', { class: 'rr-upload-limit' });
  const zone = h('div', { class: 'rr-upload-zone' },
    icon(':material/cloud_upload:', 'rr-upload-icon'),
    h('div', { class: 'rr-upload-text' }, h('span', { text: 'Drag and drop files here' }), limit),
    browse, input);
  const list = h('ul', { class: 'rr-upload-files' });
  const note = h('div', { class: 'rr-upload-error', role: 'alert' });
  const ids = () => (st.held || []).map((f) => f.id);
  const setValue = (next) => st.setV(st.e.multiple ? next : (next[0] ?? null));

  const show = (files) => {
    st.held = files || [];
    list.replaceChildren(...st.held.map((f) => {
      const rm = h('button', { type: 'button', class: 'rr-upload-rm', 'aria-label': 'Remove ' + f.name,
        onclick: () => { st.held = st.held.filter((g) => g.id !== f.id); show(st.held); setValue(ids()); } }, '×');
      return h('li', {}, icon(':material/description:', 'rr-upload-file-icon'), h('span', { class: 'rr-upload-name' }, f.name), ' ', h('span', { class: 'rr-upload-size' }, size(f.size)), rm);
    }));
  };

  const take = async (chosen) => {
    note.textContent = '';
    if (!st.e.multiple) chosen = chosen.slice(-1);
    const done = [];
    for (const file of chosen) {
      if (file.size > st.e.max_bytes) {
        note.textContent = `${file.name} is larger than the limit of ${mb(st.e.max_bytes)}.`;
        return;
      }
      const bar = h('progress', { class: 'rr-upload-progress', max: 1, value: 0, 'aria-label': 'Uploading ' + file.name });
      const item = h('li', { class: 'rr-upload-busy' }, h('span', { class: 'rr-upload-name' }, file.name), bar);
      list.append(item);
      try {
        done.push(await send(st.e.upload, file, (p) => { bar.value = p; }));
      } catch (err) {
        note.textContent = `${file.name}: ${err.message}`;
        return;
      } finally { item.remove(); }
    }
    if (!done.length) return;
    const files = st.e.multiple ? [...st.held, ...done] : [done[done.length - 1]];
    show(files);
    setValue(files.map((f) => f.id));
  };

  input.addEventListener('change', () => { const chosen = [...input.files]; input.value = ''; take(chosen); });
  browse.addEventListener('click', () => input.click());
  zone.addEventListener('dragover', (ev) => { if (st.e.disabled) return; ev.preventDefault(); zone.classList.add('rr-drag'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('rr-drag'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('rr-drag');
    if (st.e.disabled) return;
    const chosen = [...(ev.dataTransfer?.files || [])];
    const accept = st.e.accept || [];
    const bad = chosen.find((f) => accept.length && !accept.some((x) => f.name.toLowerCase().endsWith(x)));
    if (bad) { note.textContent = `${bad.name} is not an accepted file type (${accept.join(', ')}).`; return; }
    take(chosen);
  });

  return {
    node: h('div', {}, row, zone, list, note),
    paint(e) {
      setLabel(lt, e);
      zone.parentNode.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
      input.disabled = browse.disabled = e.disabled;
      zone.classList.toggle('rr-disabled', !!e.disabled);
      input.multiple = !!e.multiple;
      if (e.accept && e.accept.length) input.accept = e.accept.join(','); else input.removeAttribute('accept');
      limit.textContent = `Limit ${mb(e.max_bytes).replace('.0 MB', ' MB')} per file` + (e.accept && e.accept.length ? ' • ' + e.accept.map((x) => x.slice(1).toUpperCase()).join(', ') : '');
    },
    get: () => ids(),
    set: (v) => show(Array.isArray(v) ? v : []),
  };
};

export default (e, ctx) => widget(e, ctx, build);
