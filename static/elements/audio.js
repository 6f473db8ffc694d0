// An audio player served by the media route (seekable: the route answers Range requests).
import { h } from '../dom.js';
import { player } from './video.js';

export const props = ['src', 'mimetype', 'start_time', 'end_time', 'loop', 'autoplay', 'alt', 'width'];

export default function mount(e) {
  const a = h('audio', { controls: true, preload: 'metadata' });
  const node = h('div', { class: 'rr-audio' }, a);
  let last = null;
  const update = (e) => { player(a, e, last); last = e; };
  update(e);
  return { node, update };
}
