// A combobox that suggests entities as you type (typos forgiven by the API's search), for the search box and
// for picking an entity. Keyboard: arrows move through the suggestions, Enter takes one, Escape closes.
import { query } from './api.js';
import { debounce, h, typeBadge } from './ui.js';

export function combobox({ id, label, text = '', types = () => null, onChoose, placeholder, name }) {
  const listId = `${id}-suggestions`;
  const input = h('input', {
    id, name, type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': listId, autocomplete: 'off', spellcheck: 'false', placeholder, value: text,
  });
  const listbox = h('ul', { id: listId, role: 'listbox', 'aria-label': `${label}: suggestions`, hidden: true });
  let options = [];
  let active = -1;
  let asked = 0;

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function show() {
    listbox.replaceChildren(...options.map((node, i) => h('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': String(i === active),
      onmousedown: (event) => {
        event.preventDefault();
        choose(node);
      },
    }, typeBadge(node.__typename), node.name)));
    if (options.length === 0) {
      listbox.append(h('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, 'No match'));
    }
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(node) {
    input.value = node.name;
    close();
    onChoose(node);
  }

  const suggest = debounce(async () => {
    const typed = input.value.trim();
    const mine = ++asked;
    if (typed.length < 2) {
      close();
      return;
    }
    try {
      const data = await query('search', { query: typed, types: types(), first: 8 });
      if (mine === asked) {
        options = data.search.edges.map((edge) => edge.node);
        active = -1;
        show();
      }
    } catch {
      close();
    }
  }, 120);

  input.addEventListener('input', suggest);
  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden && options.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      active = (active + 1) % options.length;
      show();
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      active = active <= 0 ? options.length - 1 : active - 1;
      show();
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return { element: h('div', { class: 'combo' }, input, listbox), input };
}
