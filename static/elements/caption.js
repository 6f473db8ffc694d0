import { helpLeaf } from '../dom.js';

export const props = ['text', 'help', 'width', 'text_alignment', 'wrap'];
export default helpLeaf('p', 'rr-caption', (node, e) => { node.textContent = e.text ?? ''; });
