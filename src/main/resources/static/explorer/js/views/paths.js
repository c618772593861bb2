// Routes between two entities, hop by hop with the quote behind each hop, and drawn on a network.
import { query } from '../api.js';
import { combobox } from '../combo.js';
import { createGraph, edgeElement, layout, nodeElement } from '../graph.js';
import { citations, clear, entityLink, h, list, params, period, setTitle } from '../ui.js';

/** Every relationship of a route, hop by hop: the API groups parallel relationships on each hop. */
function relationshipsOf(path) {
  return path.hops.flatMap((hop) => hop.relationships);
}

function picker(id, label, state, key) {
  const hidden = h('input', { type: 'hidden', name: key, value: state[key] ?? '' });
  const combo = combobox({
    id, label, text: state.names.get(state[key])?.name ?? state[key] ?? '', placeholder: 'Type a name…',
    onChoose: (node) => {
      hidden.value = node.id;
    },
  });
  combo.input.addEventListener('input', () => {
    hidden.value = '';
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), combo.element, hidden);
}

function hopView(hop) {
  return h('div', { class: 'hop' }, hop.relationships.map((r) => h('div', { class: 'hop-rel' },
    h('span', { class: 'rel' }, r.from.id === hop.from.id ? `—${r.type}→` : `←${r.type}—`),
    r.role ? h('span', { class: 'muted' }, ` ${r.role}`) : null,
    period(r.validFrom, r.validTo) ? h('span', { class: 'muted' }, ` · ${period(r.validFrom, r.validTo)}`) : null,
    citations(r.sources))));
}

export async function render(main) {
  main.classList.add('wide');
  const p = params();
  const state = {
    from: p.get('from'), to: p.get('to'), maxLength: Number(p.get('maxLength')) || 4, exclude: list(p.get('exclude')),
    names: new Map(),
  };
  setTitle('Paths');
  const asks = [state.from, state.to, ...state.exclude].filter(Boolean);
  const known = await Promise.all(asks.map((id) => query('node', { id }).then((d) => d.entity).catch(() => null)));
  known.filter(Boolean).forEach((entity) => state.names.set(entity.id, entity));

  const form = h('form', { action: '/paths', method: 'get', class: 'paths-form' },
    h('div', { class: 'row' },
      picker('path-from', 'From', state, 'from'),
      picker('path-to', 'To', state, 'to'),
      h('div', { class: 'field' }, h('label', { for: 'path-max' }, 'At most'),
        h('select', { id: 'path-max', name: 'maxLength' }, [1, 2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === state.maxLength }, `${n} hop${n > 1 ? 's' : ''}`)))),
      state.exclude.length ? h('input', { type: 'hidden', name: 'exclude', value: state.exclude.join(',') }) : null,
      h('button', { class: 'primary', type: 'submit' }, 'Find routes')));
  form.addEventListener('submit', (event) => {
    // Empty fields stay out of the address.
    event.preventDefault();
    const data = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (value) data.set(key, value);
    }
    location.href = `/paths?${data.toString().replaceAll('%2F', '/').replaceAll('%2C', ',')}`;
  });
  const excluded = state.exclude.length ? h('p', null, 'Avoiding: ', state.exclude.map((id) => h('span', { class: 'chip' },
    state.names.get(id)?.name ?? id, h('a', { class: 'button', 'aria-label': `Stop avoiding ${state.names.get(id)?.name ?? id}`, href: hrefWith(state, { exclude: state.exclude.filter((x) => x !== id) }) }, '×')))) : null;
  clear(main, h('h1', null, 'Paths between two entities'),
    h('p', { class: 'muted' }, 'The distinct routes, shortest first, each hop with the quote it rests on.'), form, excluded);
  if (!state.from || !state.to) {
    main.append(h('p', null, 'Pick two entities: type a few letters of each name and choose a suggestion.'));
    return;
  }
  const status = h('p', { class: 'status', role: 'status' }, 'Tracing…');
  main.append(status);
  const { paths } = await query('paths', { fromId: state.from, toId: state.to, maxLength: state.maxLength, excludeIds: state.exclude.length ? state.exclude : null });
  const fromName = state.names.get(state.from)?.name ?? state.from;
  const toName = state.names.get(state.to)?.name ?? state.to;
  setTitle(`${fromName} → ${toName}`);
  if (paths.length === 0) {
    status.textContent = `No route of at most ${state.maxLength} hops links ${fromName} and ${toName}.`;
    return;
  }
  status.textContent = `${paths.length} route${paths.length > 1 ? 's' : ''} from ${fromName} to ${toName}, shortest first.`;
  const container = h('div', { class: 'canvas', id: 'cy', role: 'img', 'aria-label': 'The routes on a network; the same routes are listed as text.' });
  const routes = h('ol', { class: 'plain', id: 'routes' });
  main.append(h('div', { class: 'canvas-layout' }, container, h('div', { class: 'panel' }, h('h2', null, 'Routes'), routes)));
  const cy = createGraph(container, {});
  cy.batch(() => {
    for (const path of paths) {
      for (const node of path.nodes) {
        if (cy.getElementById(node.id).empty()) {
          cy.add(nodeElement(node, node.id === state.from || node.id === state.to ? 'root' : ''));
        }
      }
      for (const r of relationshipsOf(path)) {
        if (cy.getElementById(`r:${r.id}`).empty()) {
          cy.add(edgeElement(r));
        }
      }
    }
  });
  main.dataset.layoutMs = String(layout(cy));
  const items = [];
  function highlightRoute(index) {
    const path = paths[index];
    const ids = new Set([...path.nodes.map((n) => n.id), ...relationshipsOf(path).map((r) => `r:${r.id}`)]);
    cy.elements().forEach((element) => {
      element.toggleClass('hl', ids.has(element.id()));
      element.toggleClass('faded', !ids.has(element.id()));
    });
    items.forEach((item, i) => item.setAttribute('aria-current', String(i === index)));
  }
  paths.forEach((path, index) => {
    const { hops } = path;
    const item = h('li', { class: 'route', dataset: { length: path.length } },
      h('h3', null, `Route ${index + 1}: ${path.length} hop${path.length > 1 ? 's' : ''}`),
      h('button', { type: 'button', onclick: () => highlightRoute(index) }, 'Highlight on the network'),
      hops.map((hop, i) => [i === 0 ? h('div', { class: 'hop-node' }, entityLink(hop.from)) : null, hopView(hop),
        h('div', { class: 'hop-node' }, entityLink(hop.to))]),
      h('p', null, path.nodes.slice(1, -1).map((node) => h('a', { class: 'button', href: hrefWith(state, { exclude: [...state.exclude, node.id] }), 'aria-label': `Find routes avoiding ${node.name}` }, `Avoid ${node.name}`))));
    items.push(item);
    routes.append(item);
  });
  // Text twin of the drawing: the routes as a single list of names, for copying.
  main.append(h('section', { class: 'twin', id: 'paths-text', 'aria-labelledby': 'paths-text-title' },
    h('h2', { id: 'paths-text-title' }, 'The routes as text'),
    h('ol', null, paths.map((path) => h('li', null, path.hops.map((hop, i) => [i === 0 ? hop.from.name : '',
      ` —${hop.relationships.map((r) => r.type).join('/')}— `, hop.to.name]))))));
  highlightRoute(0);
}

function hrefWith(state, changes) {
  const next = { from: state.from, to: state.to, maxLength: state.maxLength, exclude: state.exclude, ...changes };
  const p = new URLSearchParams();
  if (next.from) p.set('from', next.from);
  if (next.to) p.set('to', next.to);
  if (next.maxLength !== 4) p.set('maxLength', next.maxLength);
  if (next.exclude.length) p.set('exclude', next.exclude.join(','));
  return `/paths?${p.toString().replaceAll('%2F', '/').replaceAll('%2C', ',')}`;
}
