import { helpLeaf } from '../dom.js';

export const props = ['html', 'help', 'width', 'text_alignment', 'wrap'];
// server-rendered Markdown, raw HTML escaped
export default helpLeaf('div', 'rr-md', (node, e) => { node.innerHTML = e.html; });
