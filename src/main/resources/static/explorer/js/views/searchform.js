// The search box shared by the front page and the search page: suggestions as you type, a type filter, and
// Enter for the full, paged results.
import { combobox } from '../combo.js';
import { entityHref, documentHref, h, TYPES } from '../ui.js';

export function searchForm({ q = '', type = '', autofocus = false } = {}) {
  const select = h('select', { id: 'search-type', name: 'type' }, h('option', { value: '' }, 'Any type'),
    TYPES.map((name) => h('option', { value: name, selected: name === type }, name)));
  const combo = combobox({
    id: 'search-q', name: 'q', label: 'Search', text: q, placeholder: 'A name, a place, words from a quote…',
    types: () => (select.value ? [select.value] : null),
    onChoose: (node) => {
      location.href = node.__typename === 'Document' ? documentHref(node.id) : entityHref(node.id);
    },
  });
  combo.input.required = true;
  if (autofocus) {
    queueMicrotask(() => combo.input.focus());
  }
  const form = h('form', { class: 'search', action: '/search', method: 'get', role: 'search' },
    h('div', { class: 'row' },
      h('div', { class: 'field grow' }, h('label', { for: 'search-q' }, 'Search the graph'), combo.element),
      h('div', { class: 'field' }, h('label', { for: 'search-type' }, 'Type'), select),
      h('button', { class: 'primary', type: 'submit' }, 'Search')));
  form.addEventListener('submit', (event) => {
    // An address without empty fields: /search?q=Trofimv, not /search?q=Trofimv&type=
    event.preventDefault();
    const query = new URLSearchParams({ q: combo.input.value.trim() });
    if (select.value) {
      query.set('type', select.value);
    }
    location.href = `/search?${query}`;
  });
  return form;
}
