// A video player served by the media route (seekable: the route answers Range requests), with
// subtitle tracks; a YouTube link becomes YouTube's embedded player. `start_time` / `end_time`
// bound what plays (with `loop`, playback returns to the start). audio.js shares `player`.
import { h } from '../dom.js';

export const props = ['src', 'mimetype', 'youtube', 'start_time', 'end_time', 'loop', 'autoplay', 'muted', 'subtitles', 'alt', 'width'];

// Paint <audio>/<video> `m` with element `e`: what changed only, so a rerun does not restart it.
export function player(m, e, last) {
  if (e.width === 'stretch') m.style.width = '100%';
  else m.style.width = e.width + 'px';
  m.loop = false; // end_time handles looping itself (the native loop ignores end_time)
  m.autoplay = !!e.autoplay;
  m.muted = !!e.muted;
  if (e.alt) m.setAttribute('aria-label', e.alt); else m.removeAttribute('aria-label');
  m.rrE = e;
  if (!last || last.src !== e.src || last.start_time !== e.start_time) {
    if (e.src) m.src = e.src; else m.removeAttribute('src');
    if (e.mimetype && e.src) m.dataset.type = e.mimetype;
    if (e.start_time) m.addEventListener('loadedmetadata', () => { m.currentTime = m.rrE.start_time; }, { once: true });
  }
  if (!m.rrBound) {
    m.rrBound = true;
    m.addEventListener('timeupdate', () => {
      const c = m.rrE;
      if (c.end_time != null && m.currentTime >= c.end_time) {
        if (c.loop) m.currentTime = c.start_time || 0;
        else { m.pause(); m.currentTime = c.end_time; }
      }
    });
    m.addEventListener('ended', () => {
      if (m.rrE.loop) { m.currentTime = m.rrE.start_time || 0; m.play().catch(() => {}); }
    });
  }
}

export default function mount(e) {
  const node = h('div', { class: 'rr-video' });
  let last = null;
  const update = (e) => {
    if (e.youtube) {
      const u = new URL(e.src);
      if (e.start_time) u.searchParams.set('start', e.start_time);
      if (e.end_time != null) u.searchParams.set('end', e.end_time);
      if (e.autoplay) u.searchParams.set('autoplay', '1');
      if (e.muted) u.searchParams.set('mute', '1');
      if (e.loop) { u.searchParams.set('loop', '1'); u.searchParams.set('playlist', u.pathname.split('/').pop()); }
      const f = h('iframe', { class: 'rr-video-embed', src: u.href, title: e.alt || 'YouTube video', allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen', allowfullscreen: true, referrerpolicy: 'strict-origin-when-cross-origin' });
      f.style.width = e.width === 'stretch' ? '100%' : e.width + 'px';
      node.replaceChildren(f);
      last = null;
      return;
    }
    let v = node.querySelector('video');
    if (!v) { v = h('video', { controls: true, preload: 'metadata', playsinline: true }); node.replaceChildren(v); last = null; }
    if (!last || JSON.stringify(last.subtitles) !== JSON.stringify(e.subtitles)) {
      v.querySelectorAll('track').forEach((t) => t.remove());
      (e.subtitles || []).forEach((s, i) => v.append(h('track', { kind: 'subtitles', label: s.label, src: s.src, default: i === 0 })));
    }
    player(v, e, last);
    last = e;
  };
  update(e);
  return { node, update };
}
