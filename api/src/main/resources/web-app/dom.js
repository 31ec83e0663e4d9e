// A tiny DOM builder: every text goes in as a text node (never as HTML), so data from the API cannot
// become markup. h('td', { className: 'x', onclick: fn }, 'text', child) builds an element.

export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.substring(2), value);
        } else if (name === 'className') {
            element.className = value;
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(element, child);
        } else if (child instanceof Node) {
            element.appendChild(child);
        } else {
            element.appendChild(document.createTextNode(String(child)));
        }
    }
}

/** Replaces the main view's content and moves focus there, as a page change would. */
export function show(...children) {
    const view = document.getElementById('view');
    view.replaceChildren(...children.flat().filter(Boolean));
    return view;
}

export function statusLine(text) {
    return h('p', { className: 'status', role: 'status' }, text);
}

export function errorBox(error) {
    return h('div', { className: 'error', role: 'alert' }, h('strong', {}, 'Something went wrong. '), error.message ?? String(error));
}

/**
 * A decimal of the API (an exact decimal string) rounded half up to `places` decimals on its digits,
 * never through a binary float, so it reads as the API's value rounded, e.g. 2.125 → "2.13".
 * An em dash when absent.
 */
export function decimal(value, places = 2) {
    if (value === null || value === undefined) {
        return '—';
    }
    const text = String(value);
    const negative = text.startsWith('-');
    const [whole, fraction = ''] = (negative ? text.substring(1) : text).split('.');
    let scaled = BigInt(whole + fraction.padEnd(places, '0').substring(0, places));
    if (Number(fraction.charAt(places) || '0') >= 5) {
        scaled += 1n;
    }
    const digits = scaled.toString().padStart(places + 1, '0');
    const rounded = places === 0 ? digits : `${digits.substring(0, digits.length - places)}.${digits.substring(digits.length - places)}`;
    return (negative && scaled !== 0n ? '-' : '') + rounded;
}

export function date(instant) {
    return instant ? new Date(instant).toISOString().substring(0, 10) : '—';
}

/** A decimal of the API as a number for sorting and charts (never for display); null when absent. */
export function numberOrNull(value) {
    return value === null || value === undefined ? null : Number(value);
}

/** Level colour classes: level-0 … level-4 (CSS), and none when unknown. */
export function levelClass(level) {
    return level === null || level === undefined ? 'level-none' : `level-${level}`;
}

/** The band of a 0–4 score, which colours it: ⌊score⌋, 4 for a full score. */
export function band(score) {
    return score === null || score === undefined ? null : Math.min(4, Math.floor(Number(score)));
}

/** A table that scrolls sideways on narrow screens, reachable by keyboard (a focusable region). */
export function scrollBox(label, table) {
    return h('div', { className: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}
