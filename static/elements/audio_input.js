// A recording from the user's microphone: MediaRecorder records, the recording is decoded and
// written as a 16-bit PCM WAV at `sample_rate` (resampled with an OfflineAudioContext), then PUT
// to the widget's upload URL like a file; the id the server gives back is the widget's value.
import { h, field, setLabel, widget } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'upload', 'max_bytes', 'sample_rate', 'width'];

// PUT a captured blob to the widget's upload URL; resolves to the server's {id, name, size}.
export async function put(e, blob, name) {
  if (blob.size > e.max_bytes) throw new Error(`${name} is larger than the upload limit.`);
  const r = await fetch(e.upload + '?name=' + encodeURIComponent(name), {
    method: 'PUT', body: blob, headers: { 'Content-Type': blob.type || 'application/octet-stream' },
  });
  const reply = await r.json().catch(() => ({ error: `upload failed (HTTP ${r.status})` }));
  if (!r.ok) throw new Error(reply.error || `upload failed (HTTP ${r.status})`);
  return reply;
}

// Decode a recording and write it as mono 16-bit PCM WAV at `rate` (null: the decoded rate).
export async function toWav(blob, rate) {
  const ac = new AudioContext();
  let buf;
  try { buf = await ac.decodeAudioData(await blob.arrayBuffer()); } finally { ac.close(); }
  const sr = rate || buf.sampleRate;
  const n = Math.max(1, Math.ceil(buf.duration * sr));
  const off = new OfflineAudioContext(1, n, sr);
  const src = off.createBufferSource();
  src.buffer = buf; src.connect(off.destination); src.start();
  const pcm = (await off.startRendering()).getChannelData(0);
  const out = new DataView(new ArrayBuffer(44 + pcm.length * 2));
  const str = (o, s) => { for (let i = 0; i < s.length; i++) out.setUint8(o + i, s.charCodeAt(i)); };
  str(0, 'RIFF'); out.setUint32(4, 36 + pcm.length * 2, true); str(8, 'WAVE'); str(12, 'fmt ');
  out.setUint32(16, 16, true); out.setUint16(20, 1, true); out.setUint16(22, 1, true);
  out.setUint32(24, sr, true); out.setUint32(28, sr * 2, true); out.setUint16(32, 2, true); out.setUint16(34, 16, true);
  str(36, 'data'); out.setUint32(40, pcm.length * 2, true);
  for (let i = 0; i < pcm.length; i++) out.setInt16(44 + i * 2, Math.max(-1, Math.min(1, pcm[i])) * 0x7fff, true);
  return new Blob([out.buffer], { type: 'audio/wav' });
}

const clock = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

const build = (e, id, st, ctx) => {
  const { lt, row } = field(id);
  const rec = h('button', { type: 'button', class: 'rr-btn rr-secondary rr-mic-rec', id, 'aria-label': 'Record' }, icon(':material/mic:', 'rr-btn-icon'), h('span', { text: 'Record' }));
  const time = h('span', { class: 'rr-mic-time', text: '0:00' });
  const play = h('audio', { class: 'rr-mic-play', controls: true, hidden: true });
  const clear = h('button', { type: 'button', class: 'rr-btn rr-tertiary rr-mic-clear', 'aria-label': 'Clear recording', hidden: true }, icon(':material/delete:', 'rr-btn-icon'));
  const error = h('div', { class: 'rr-upload-error', role: 'alert' });
  let recorder = null, timer = null, held = [];

  const showHeld = (files) => {
    held = files || [];
    const has = held.length > 0;
    play.hidden = !has; clear.hidden = !has; time.hidden = has;
    if (!has) { play.removeAttribute('src'); time.textContent = '0:00'; }
  };
  const stopRec = () => { if (recorder && recorder.state !== 'inactive') recorder.stop(); };
  rec.rrStop = stopRec;

  rec.addEventListener('click', async () => {
    if (recorder) { stopRec(); return; }
    error.textContent = '';
    let stream;
    try { stream = await navigator.mediaDevices.getUserMedia({ audio: true }); } catch (err) {
      error.textContent = 'No microphone: ' + (err.message || err.name); return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.ondataavailable = (ev) => { if (ev.data.size) chunks.push(ev.data); };
    const began = Date.now();
    showHeld([]);
    rec.classList.add('rr-mic-on'); rec.lastChild.textContent = 'Stop'; rec.setAttribute('aria-label', 'Stop recording');
    timer = setInterval(() => { time.textContent = clock((Date.now() - began) / 1000); }, 250);
    recorder.onstop = async () => {
      clearInterval(timer);
      stream.getTracks().forEach((t) => t.stop());
      recorder = null;
      rec.classList.remove('rr-mic-on'); rec.lastChild.textContent = 'Record'; rec.setAttribute('aria-label', 'Record');
      rec.disabled = true;
      try {
        const wav = await toWav(new Blob(chunks, { type: chunks[0]?.type || 'audio/webm' }), st.e.sample_rate);
        const reply = await put(st.e, wav, 'audio.wav');
        play.src = URL.createObjectURL(wav);
        showHeld([reply]);
        st.setV(reply.id);
      } catch (err) { error.textContent = 'The recording could not be kept: ' + err.message; } finally { rec.disabled = !!st.e.disabled; }
    };
    recorder.start(250);
  });
  clear.addEventListener('click', () => { showHeld([]); st.setV(null); });

  const node = h('div', {}, row, h('div', { class: 'rr-mic' }, rec, time, play, clear), error);
  return {
    node,
    paint(e) {
      setLabel(lt, e);
      rec.disabled = !!e.disabled; clear.disabled = !!e.disabled;
      node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
      if (e.disabled) stopRec();
    },
    get: () => held.map((f) => f.id),
    set: (v) => showHeld(Array.isArray(v) ? v : []),
  };
};

export default function mount(e, ctx) {
  const r = widget(e, ctx, build);
  r.gone = () => r.node.querySelector('.rr-mic-rec')?.rrStop?.(); // leaving mid-recording frees the microphone
  return r;
}
