import { textLeaf } from '../dom.js';

export const props = ['text'];
export default textLeaf('h2', null);
