// The network: a neighbourhood to expand node by node. The whole canvas state lives in the URL, so any view can be
// shared, and every change is a history step, so Undo (or the browser's Back) takes it back.
import { query } from '../api.js';
import { createGraph, edgeElement, layout, nodeElement } from '../graph.js';
import {
  citations, clear, entityHref, entityLink, h, idFromPath, idPath, list, period, setTitle, typeBadge,
} from '../ui.js';

const PER_CLICK = 25;
const ROOT_LIMIT = 50;
const MAX = 500;

let cy = null;
let page = null;
let knownTypes = new Set();
const names = new Map();
let current = null;

function parse(path) {
  const p = new URLSearchParams(location.search);
  const expand = list(p.get('expand')).map((item) => {
    const [id, cap] = item.split('*');
    return { id, cap: Math.min(MAX, Math.max(1, Number(cap) || PER_CLICK)) };
  });
  return {
    root: idFromPath(path),
    depth: Math.min(3, Math.max(1, Number(p.get('depth')) || 1)),
    limit: Math.min(MAX, Math.max(1, Number(p.get('limit')) || ROOT_LIMIT)),
    types: list(p.get('types')),
    exclude: list(p.get('exclude')),
    expand,
    links: p.get('links') === '1',
    selected: p.get('selected'),
  };
}

function url(state) {
  const p = new URLSearchParams();
  if (state.depth !== 1) p.set('depth', state.depth);
  if (state.limit !== ROOT_LIMIT) p.set('limit', state.limit);
  if (state.types.length) p.set('types', state.types.join(','));
  if (state.exclude.length) p.set('exclude', state.exclude.join(','));
  if (state.expand.length) p.set('expand', state.expand.map((e) => (e.cap === PER_CLICK ? e.id : `${e.id}*${e.cap}`)).join(','));
  if (state.links) p.set('links', '1');
  if (state.selected) p.set('selected', state.selected);
  const search = p.toString().replaceAll('%2F', '/').replaceAll('%2C', ',').replaceAll('%2A', '*');
  return `/network/${idPath(state.root)}${search ? `?${search}` : ''}`;
}

/** A new canvas state: one history step (Undo goes back to the one before). */
function change(mutate) {
  const next = structuredClone(current);
  mutate(next);
  history.pushState({ step: (history.state?.step ?? 0) + 1 }, '', url(next));
  apply(next);
}

/** Selection is not a step of its own: it replaces the current address. */
function select(selected) {
  current.selected = selected;
  history.replaceState(history.state, '', url(current));
  showSelection();
}

async function load(state) {
  const filter = { relationshipTypes: state.types.length ? state.types : null, excludeIds: state.exclude.length ? state.exclude : null };
  const asks = [{ id: state.root, depth: state.depth, limit: state.limit }, ...state.expand.map((e) => ({ id: e.id, depth: 1, limit: e.cap }))];
  const results = await Promise.all(asks.map((ask, i) => query('neighborhood', { ...ask, ...filter }).catch((error) => {
    if (i === 0) throw error;
    return { neighborhood: null, error };
  })));
  const nodes = new Map();
  const edges = new Map();
  const truncated = new Map();
  results.forEach((result, i) => {
    const subgraph = result.neighborhood;
    if (!subgraph) return;
    truncated.set(asks[i].id, subgraph.truncated);
    subgraph.nodes.forEach((node) => {
      if (!nodes.has(node.id)) nodes.set(node.id, { node, via: asks[i].id });
    });
    subgraph.relationships.forEach((r) => edges.set(r.id, r));
  });
  if (state.links && nodes.size > 1) {
    const { subgraph } = await query('subgraph', { ids: [...nodes.keys()].slice(0, MAX), relationshipTypes: filter.relationshipTypes });
    subgraph.relationships.forEach((r) => edges.set(r.id, r));
  }
  nodes.forEach(({ node }) => names.set(node.id, node));
  edges.forEach((r) => knownTypes.add(r.type));
  state.types.forEach((type) => knownTypes.add(type));
  return { nodes, edges, truncated };
}

function draw(state, graph) {
  const first = cy.nodes().length === 0;
  const wanted = new Set([...graph.nodes.keys(), ...[...graph.edges.keys()].map((id) => `r:${id}`)]);
  cy.batch(() => {
    cy.elements().filter((element) => !wanted.has(element.id())).remove();
    const expanded = new Set(state.expand.map((e) => e.id));
    for (const { node, via } of graph.nodes.values()) {
      const classes = [node.id === state.root ? 'root' : '', expanded.has(node.id) ? 'expanded' : ''].join(' ').trim();
      const existing = cy.getElementById(node.id);
      if (existing.nonempty()) {
        existing.classes(classes);
        continue;
      }
      // A new node starts beside the node whose expansion brought it, so the layout moves it only a little.
      const anchor = cy.getElementById(via);
      const position = anchor.nonempty()
        ? { x: anchor.position('x') + (Math.random() - 0.5) * 80, y: anchor.position('y') + (Math.random() - 0.5) * 80 }
        : { x: 0, y: 0 };
      cy.add({ ...nodeElement(node, classes), position });
    }
    for (const relationship of graph.edges.values()) {
      if (cy.getElementById(`r:${relationship.id}`).empty()) {
        cy.add(edgeElement(relationship));
      }
    }
  });
  const millis = layout(cy, { randomize: first });
  page.main.dataset.layoutMs = String(millis);
  page.main.dataset.nodes = String(graph.nodes.size);
  return millis;
}

function toolbar(state) {
  const depth = h('select', { id: 'net-depth', onchange: (event) => change((s) => { s.depth = Number(event.target.value); }) },
    [1, 2, 3].map((d) => h('option', { value: d, selected: d === state.depth }, `${d} hop${d > 1 ? 's' : ''}`)));
  const types = [...knownTypes].sort();
  const filter = h('fieldset', null, h('legend', null, 'Relationship types'),
    types.length === 0 ? h('span', { class: 'muted' }, 'none shown') : types.map((type) => {
      const checked = state.types.length === 0 || state.types.includes(type);
      const id = `type-${type}`;
      return h('span', null, h('input', {
        type: 'checkbox', id, checked,
        onchange: (event) => {
          const on = new Set(current.types.length ? current.types : types);
          if (on.has(type)) on.delete(type); else on.add(type);
          if (on.size === 0) {
            event.target.checked = true; // at least one type stays on
            return;
          }
          change((s) => { s.types = on.size === types.length ? [] : [...on].sort(); });
        },
      }), ' ', h('label', { for: id }, type));
    }));
  return h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Network controls' },
    h('label', { for: 'net-depth' }, 'Depth'), depth,
    h('button', { type: 'button', onclick: () => cy.fit(undefined, 30) }, 'Fit'),
    h('button', { type: 'button', 'aria-label': 'Zoom in', onclick: () => cy.zoom({ level: cy.zoom() * 1.3, renderedPosition: center() }) }, '+'),
    h('button', { type: 'button', 'aria-label': 'Zoom out', onclick: () => cy.zoom({ level: cy.zoom() / 1.3, renderedPosition: center() }) }, '−'),
    h('button', { type: 'button', 'aria-pressed': String(state.links), id: 'net-links', onclick: () => change((s) => { s.links = !s.links; }) },
      'Reveal links among the nodes shown'),
    h('button', { type: 'button', id: 'net-undo', disabled: !(history.state?.step > 0), onclick: () => history.back() }, 'Undo'),
    filter,
    state.exclude.length ? h('div', { class: 'hidden-nodes' }, h('span', null, 'Hidden: '), state.exclude.map((id) => h('span', { class: 'chip' },
      names.get(id)?.name ?? id,
      h('button', { type: 'button', 'aria-label': `Show ${names.get(id)?.name ?? id} again`, onclick: () => change((s) => { s.exclude = s.exclude.filter((x) => x !== id); }) }, '×')))) : null);
}

function center() {
  return { x: cy.width() / 2, y: cy.height() / 2 };
}

async function showSelection() {
  const panel = page.panel;
  cy.elements().unselect();
  const selected = current.selected;
  if (!selected) {
    clear(panel, h('h2', null, 'Selection'), h('p', { class: 'muted' }, 'Select a node or a link on the network, or in the lists below, to see it here with its quotes.'));
    return;
  }
  if (selected.startsWith('edge:')) {
    const rid = selected.slice(5);
    const relationship = page.graph.edges.get(rid);
    if (!relationship) {
      clear(panel, h('h2', null, 'Selection'), h('p', { class: 'muted' }, 'That link is not on the network any more.'));
      return;
    }
    cy.getElementById(`r:${rid}`).select();
    const from = names.get(relationship.from.id);
    const to = names.get(relationship.to.id);
    clear(panel, h('h2', null, `${relationship.type}`),
      h('p', null, entityLink(from), ` —${relationship.type}→ `, entityLink(to)),
      relationship.role ? h('p', null, `Role: ${relationship.role}`) : null,
      period(relationship.validFrom, relationship.validTo) ? h('p', null, `When: ${period(relationship.validFrom, relationship.validTo)}`) : null,
      h('h3', null, 'Quotes'), citations(relationship.sources));
    return;
  }
  const id = selected;
  const node = cy.getElementById(id);
  if (node.nonempty()) node.select();
  const expansion = current.expand.find((e) => e.id === id);
  const isRoot = id === current.root;
  const more = isRoot ? page.graph.truncated.get(id) : expansion && page.graph.truncated.get(id);
  const actions = h('div', { class: 'actions' },
    h('a', { class: 'button', href: entityHref(id) }, 'Open its page'),
    !isRoot && !expansion ? h('button', { type: 'button', class: 'primary', onclick: () => change((s) => { s.expand.push({ id, cap: PER_CLICK }); }) }, 'Expand neighbours') : null,
    more ? h('button', { type: 'button', onclick: () => change((s) => {
      if (isRoot) s.limit = Math.min(MAX, s.limit + PER_CLICK);
      else s.expand.find((e) => e.id === id).cap = Math.min(MAX, expansion.cap + PER_CLICK);
    }) }, `Show ${PER_CLICK} more`) : null,
    expansion ? h('button', { type: 'button', onclick: () => change((s) => { s.expand = s.expand.filter((e) => e.id !== id); }) }, 'Collapse') : null,
    !isRoot ? h('button', { type: 'button', onclick: () => change((s) => {
      s.exclude.push(id);
      s.expand = s.expand.filter((e) => e.id !== id);
      s.selected = null;
    }) }, 'Hide') : null,
    !isRoot ? h('a', { class: 'button', href: `/network/${idPath(id)}` }, 'Centre the network here') : null);
  clear(panel, h('h2', null, names.get(id)?.name ?? id), actions, h('p', { class: 'status', role: 'status' }, 'Loading…'));
  const { entity } = await query('node', { id });
  if (current.selected !== id) return;
  panel.querySelector('.status').remove();
  if (!entity) {
    panel.append(h('p', { class: 'muted' }, 'Not visible to you.'));
    return;
  }
  panel.append(h('p', null, typeBadge(entity.__typename)), entity.summary ? h('p', null, entity.summary) : null,
    h('h3', null, 'Quotes'), citations(entity.sources));
}

function twin(state, graph) {
  const nodes = [...graph.nodes.values()].map(({ node }) => node).sort((a, b) => a.name.localeCompare(b.name));
  const edges = [...graph.edges.values()];
  const expanded = new Set(state.expand.map((e) => e.id));
  return h('section', { class: 'twin', 'aria-labelledby': 'twin-title', id: 'network-text' },
    h('h2', { id: 'twin-title' }, 'The network as text'),
    h('div', { class: 'columns' },
      h('div', null, h('h3', null, `Entities (${nodes.length})`),
        h('ul', { class: 'plain', id: 'network-nodes' }, nodes.map((node) => h('li', { dataset: { id: node.id } },
          entityLink(node), node.id === state.root ? ' (centre)' : null, expanded.has(node.id) ? ' (expanded)' : null,
          h('button', { type: 'button', 'aria-label': `Select ${node.name}`, onclick: () => select(node.id) }, 'Select'))))),
      h('div', null, h('h3', null, `Links (${edges.length})`),
        h('ul', { class: 'plain', id: 'network-edges' }, edges.map((r) => h('li', { dataset: { id: r.id } },
          names.get(r.from.id)?.name ?? r.from.id, ` —${r.type}→ `, names.get(r.to.id)?.name ?? r.to.id,
          r.role ? h('span', { class: 'muted' }, ` (${r.role})`) : null,
          h('button', { type: 'button', 'aria-label': `Select the link ${r.type} from ${names.get(r.from.id)?.name ?? r.from.id}`, onclick: () => select(`edge:${r.id}`) }, 'Select')))))));
}

async function apply(state) {
  current = state;
  page.main.dataset.ready = 'false';
  page.status.textContent = 'Loading…';
  let graph;
  try {
    graph = await load(state);
  } catch (error) {
    page.status.textContent = `Could not load the network: ${error.message}`;
    page.main.dataset.ready = 'true';
    return;
  }
  if (current !== state) return;
  page.graph = graph;
  const rootNode = graph.nodes.get(state.root)?.node;
  setTitle(rootNode ? `Network of ${rootNode.name}` : 'Network');
  page.title.textContent = rootNode ? `Network of ${rootNode.name}` : 'Network';
  const millis = draw(state, graph);
  page.toolbar.replaceWith(page.toolbar = toolbar(state));
  page.twin.replaceWith(page.twin = twin(state, graph));
  // The toolbar above may have moved the canvas: Cytoscape must learn where it is now, or clicks miss their node.
  cy.resize();
  const more = [...graph.truncated.values()].some(Boolean);
  page.status.textContent = `${graph.nodes.size} entities and ${graph.edges.size} links shown, laid out in ${millis} ms`
    + (more ? '; some nodes have more neighbours (select one and choose “Show more”).' : '.');
  await showSelection();
  page.main.dataset.ready = 'true';
}

export async function render(main, path) {
  main.classList.add('wide');
  const state = parse(path);
  const container = h('div', { class: 'canvas', id: 'cy', role: 'img', 'aria-label': 'The network; the same entities and links are listed as text below.' });
  page = {
    main,
    title: h('h1', null, 'Network'),
    status: h('p', { class: 'status', role: 'status', id: 'net-status' }, 'Loading…'),
    toolbar: h('div'),
    panel: h('aside', { class: 'panel', id: 'net-panel', 'aria-label': 'Selected node or link', 'aria-live': 'polite' }),
    twin: h('section'),
  };
  clear(main, page.title, page.status, page.toolbar, h('div', { class: 'canvas-layout' }, container, page.panel), page.twin);
  cy = createGraph(container, {
    onNode: (id) => select(id),
    onEdge: (rid) => select(`edge:${rid}`),
    onBackground: () => select(null),
  });
  window.addEventListener('popstate', () => apply(parse(location.pathname.slice('/network/'.length))));
  window.casegraphNetwork = () => cy;
  await apply(state);
}
