import { helpLeaf } from '../dom.js';

export const props = ['text', 'help', 'width', 'text_alignment', 'wrap'];
export default helpLeaf('div', 'rr-text', (node, e) => { node.textContent = e.text ?? ''; });
