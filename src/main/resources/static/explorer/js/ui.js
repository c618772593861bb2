// Small DOM helpers: everything the API serves is put on the page as text, never as markup.

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child == null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The URL path of an id such as person/alexander-trofimov: each part encoded, the slashes kept. */
export function idPath(id) {
  return id.split('/').map(encodeURIComponent).join('/');
}

export function idFromPath(path) {
  return path.split('/').filter((part) => part !== '').map(decodeURIComponent).join('/');
}

export function entityHref(id) {
  return `/entity/${idPath(id)}`;
}

export function documentHref(id) {
  return `/document/${idPath(id.startsWith('document/') ? id.slice('document/'.length) : id)}`;
}

export function typeBadge(type) {
  return h('span', { class: `type type-${type}` }, type ?? 'Entity');
}

export function entityLink(entity, { badge = true } = {}) {
  if (!entity) {
    return h('span', { class: 'muted' }, '(not visible to you)');
  }
  const href = entity.__typename === 'Document' ? documentHref(entity.id) : entityHref(entity.id);
  return h('span', { class: 'entity' }, badge ? typeBadge(entity.__typename) : null, h('a', { href }, entity.name));
}

/** A search highlight: the API escapes the text and marks matches with <em>; only those two survive. */
export function highlight(fragment) {
  const template = document.createElement('template');
  template.innerHTML = fragment;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'EM') {
      out.append(h('mark', null, node.textContent));
    } else {
      out.append(node.textContent);
    }
  }
  return out;
}

export function citation(source) {
  return h('blockquote', { class: 'quote' },
    h('p', null, `“${source.quote}”`),
    h('footer', null, '— ', source.document
      ? h('a', { href: documentHref(source.document.id) }, source.document.name)
      : h('span', { class: 'muted' }, 'a document not visible to you')));
}

export function citations(sources) {
  if (!sources?.length) {
    return h('p', { class: 'muted' }, 'No citation visible to you.');
  }
  // One element, not a list: callers may hand it to the DOM's own append, which would print a list as text.
  return h('div', { class: 'citations' }, sources.map(citation));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** A PartialDate as what it is: 2011, December 2011 or 15 December 2011. */
export function partialDate(date) {
  if (!date) {
    return '';
  }
  const [year, month, day] = date.split('-');
  if (!month) {
    return year;
  }
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export function time(date, qualifier) {
  const text = partialDate(date) + (qualifier && qualifier !== 'exact' ? ` (${qualifier})` : '');
  return h('time', { datetime: date, class: 'event-date' }, text);
}

export function period(from, to) {
  if (!from && !to) {
    return null;
  }
  return `${from ? partialDate(from) : '…'} – ${to ? partialDate(to) : 'now'}`;
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', null, 'Could not load this view. '),
    error?.message ?? String(error));
}

export function setTitle(...parts) {
  document.title = [...parts.filter(Boolean), 'CaseGraph explorer'].join(' · ');
}

export function params() {
  return new URLSearchParams(location.search);
}

export function list(value) {
  return value ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
}

export function debounce(fn, millis) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), millis);
  };
}

export const TYPES = ['Person', 'Organization', 'Case', 'Event', 'Document', 'Place', 'Statistic', 'Claim'];
