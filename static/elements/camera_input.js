// A photo from the user's camera: a live preview, "Take photo" draws the frame on a canvas and
// PUTs it (JPEG) to the widget's upload URL, like file_uploader; the id the server gives back is
// the widget's value. "Clear photo" sets it to nothing (the server frees the file).
import { h, field, setLabel, widget } from '../dom.js';
import { icon } from '../icons.js';
import { put } from './audio_input.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'upload', 'max_bytes', 'resolution', 'width'];

const build = (e, id, st, ctx) => {
  const { lt, row } = field(id);
  lt.id = id + 'l';
  const video = h('video', { class: 'rr-cam-live', autoplay: true, muted: true, playsinline: true });
  const shot = h('img', { class: 'rr-cam-shot', alt: 'Photo taken', hidden: true });
  const note = h('div', { class: 'rr-cam-note', text: 'Waiting for the camera…' });
  const box = h('div', { class: 'rr-cam-box', id, role: 'group', 'aria-labelledby': id + 'l' }, video, shot, note);
  const take = h('button', { type: 'button', class: 'rr-btn rr-secondary rr-cam-take' }, icon(':material/photo_camera:', 'rr-btn-icon'), h('span', { text: 'Take photo' }));
  const clear = h('button', { type: 'button', class: 'rr-btn rr-secondary rr-cam-clear', hidden: true }, icon(':material/close:', 'rr-btn-icon'), h('span', { text: 'Clear photo' }));
  const error = h('div', { class: 'rr-upload-error', role: 'alert' });
  let stream = null, starting = null, held = [];

  const start = () => {
    if (stream || starting || st.e.disabled || !navigator.mediaDevices) {
      if (!navigator.mediaDevices) note.textContent = 'This page cannot use a camera (it needs HTTPS or localhost).';
      return;
    }
    const want = st.e.resolution ? { height: { ideal: st.e.resolution } } : true;
    starting = navigator.mediaDevices.getUserMedia({ video: want, audio: false }).then((s) => {
      stream = s; video.srcObject = s; note.hidden = true;
    }, (err) => { note.textContent = 'No camera: ' + (err.message || err.name); }).finally(() => { starting = null; });
  };
  const stop = () => { stream?.getTracks().forEach((t) => t.stop()); stream = null; video.srcObject = null; };
  const showHeld = (files) => {
    held = files || [];
    const has = held.length > 0;
    shot.hidden = !has; video.hidden = has; take.hidden = has; clear.hidden = !has;
    if (has) stop(); // the photo is shown (after a reload: its alt text; the file stays on the server)
    else { shot.removeAttribute('src'); note.hidden = !!stream; start(); }
  };

  take.addEventListener('click', async () => {
    if (!stream || !video.videoWidth) return;
    const c = document.createElement('canvas');
    c.width = video.videoWidth; c.height = video.videoHeight;
    c.getContext('2d').drawImage(video, 0, 0);
    const blob = await new Promise((ok) => c.toBlob(ok, 'image/jpeg', 0.92));
    take.disabled = true; error.textContent = '';
    try {
      const reply = await put(st.e, blob, 'image.jpg');
      shot.src = URL.createObjectURL(blob);
      showHeld([reply]);
      st.setV(reply.id);
    } catch (err) { error.textContent = err.message; } finally { take.disabled = false; }
  });
  clear.addEventListener('click', () => { showHeld([]); st.setV(null); });

  const node = h('div', {}, row, box, h('div', { class: 'rr-cam-actions' }, take, clear), error);
  return {
    node,
    paint(e) {
      setLabel(lt, e);
      take.disabled = clear.disabled = !!e.disabled;
      node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
      if (e.disabled) { stop(); note.hidden = false; note.textContent = 'The camera is off.'; } else if (!held.length) start();
    },
    get: () => held.map((f) => f.id),
    set: (v) => showHeld(Array.isArray(v) ? v : []),
  };
};

export default function mount(e, ctx) {
  const r = widget(e, ctx, build);
  const stopper = r.node.querySelector('video');
  r.gone = () => { const s = stopper.srcObject; s?.getTracks().forEach((t) => t.stop()); };
  return r;
}
