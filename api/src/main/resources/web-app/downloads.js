// A row of download buttons for exports and reports, with a status line that says what arrived or
// why not (a refusal's message, with its Retry-After when the budget or the server is busy).
import { download } from './api.js';
import { errorBox, h } from './dom.js';

/** items: [{ label, path, key }], path under /exports/, key for tests (data-export). */
export function downloadPanel(title, items) {
    const status = h('p', { className: 'download-status', role: 'status' });
    const button = ({ label, path, key }) => h('button', { type: 'button', className: 'button secondary', dataset: { export: key }, onclick: async () => {
        status.textContent = `Preparing ${label}…`;
        try {
            status.textContent = `Downloaded ${await download(path)}`;
        } catch (error) {
            status.replaceChildren(errorBox(error));
        }
    } }, label);
    return h('section', { className: 'exports', 'aria-label': title }, h('div', { className: 'button-row' }, items.map(button)), status);
}
