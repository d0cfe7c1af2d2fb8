// Builds DOM nodes without innerHTML: text from events (product names, error messages) is never parsed as markup.

/**
 * h('tr', {dataset: {productKey: 'SKU-1'}}, h('td', {}, 'text'), ...)
 * Attributes: className, dataset, on<Event> handlers, aria-* and other attributes by name; children: nodes, strings,
 * numbers, arrays of them; null and false are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'className') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

/** A table with a caption (its accessible name), column headers and rows of cells. */
export function table(caption, headers, rows, options = {}) {
  return h('div', { className: 'table-wrapper' },
    h('table', { className: options.className },
      h('caption', { className: options.visibleCaption ? null : 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, headers.map((header) =>
        h('th', { scope: 'col', className: header.numeric ? 'numeric' : null }, header.label ?? header)))),
      h('tbody', {}, rows)));
}

/** A message in a panel: kind is 'info', 'warning' or 'error'. */
export function notice(kind, ...children) {
  return h('div', { className: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null }, children);
}
