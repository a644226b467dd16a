// dom.js builds elements. Text from the API only ever becomes text nodes
// or attribute values, never markup, so an article sentence cannot inject
// anything into the page.

/**
 * h makes an element: attrs are attributes, except on* functions, which
 * become listeners; children are nodes, strings or arrays of them, and
 * null or false is skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** button makes a plain button that runs onClick. */
export function button(label, onClick, attrs = {}) {
  return h('button', { type: 'button', ...attrs, onclick: onClick }, label);
}

/**
 * articleLink links an article when its address is a web address, and is
 * plain text otherwise: a stored URL is data, and a javascript: one must
 * not become a link.
 */
export function articleLink(url, text) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      return h('a', { href: u.href, rel: 'noopener noreferrer', target: '_blank' }, text || u.href);
    }
  } catch {
    // Not a URL at all: show it as written.
  }
  return h('span', {}, text || url || '');
}

/** setStatus shows a message in a live region, marked as an error or not. */
export function setStatus(el, message, isError = false) {
  el.textContent = message;
  el.classList.toggle('error', isError);
}
