import { textLeaf } from '../dom.js';

export const props = ['text'];
export default textLeaf('h1', null);
