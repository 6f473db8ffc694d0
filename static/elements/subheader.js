import { heading } from '../dom.js';

export const props = ['text', 'anchor', 'help', 'icon', 'divider', 'width', 'text_alignment', 'wrap'];
export default heading('h3');
