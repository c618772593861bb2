// The timeline: events grouped by case on a zoomable axis (vis Timeline from the jar), a partial date drawn as the
// period it names (a year-level event spans its year), and the same events as a list.
import { query } from '../api.js';
import { combobox } from '../combo.js';
import { citations, clear, entityHref, entityLink, h, list, params, partialDate, setTitle, time } from '../ui.js';

const MAX_PAGES = 10;
// The Bower WebJar has no version-agnostic path: keep this in step with the version in pom.xml.
const VIS = '/webjars/vis/4.19.1/dist/vis-timeline-graph2d.min';
const NO_CASE = { id: '', name: 'Not part of a case' };

function loadVis() {
  if (window.vis?.Timeline) {
    return Promise.resolve(window.vis);
  }
  const css = h('link', { rel: 'stylesheet', href: `${VIS}.css` });
  document.head.append(css);
  return new Promise((resolve, reject) => {
    const script = h('script', { src: `${VIS}.js` });
    script.addEventListener('load', () => resolve(window.vis));
    script.addEventListener('error', () => reject(new Error('The timeline library did not load.')));
    document.head.append(script);
  });
}

/** The period a PartialDate names: a year, a month or a day, as [start, end). */
export function periodOf(date) {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1), precision: 'year' };
  if (!d) return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1), precision: 'month' };
  return { start: Date.UTC(y, m - 1, d), end: Date.UTC(y, m - 1, d + 1), precision: 'day' };
}

async function events(filter) {
  const all = [];
  let after = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { timeline } = await query('timeline', { ...filter, after });
    all.push(...timeline.edges.map((edge) => edge.node));
    if (!timeline.pageInfo.hasNextPage) {
      return { all, complete: true };
    }
    after = timeline.pageInfo.endCursor;
  }
  return { all, complete: false };
}

async function showEvent(panel, id, timeline) {
  clear(panel, h('p', { class: 'status', role: 'status' }, 'Loading…'));
  timeline?.setSelection(timeline.itemsData.getIds().filter((itemId) => itemId.startsWith(`${id}|`)));
  const { entity } = await query('node', { id });
  if (!entity) {
    clear(panel, h('p', { class: 'muted' }, 'Not visible to you.'));
    return;
  }
  const involved = entity.participants ?? [];
  clear(panel,
    h('h2', { id: 'event-title', tabindex: '-1' }, entity.name),
    h('p', null, time(entity.date, entity.dateQualifier), entity.endDate ? [' – ', time(entity.endDate)] : null,
      entity.kind ? ` · ${entity.kind}` : ''),
    entity.dateReasoning ? h('p', { class: 'muted' }, `How the date was worked out: ${entity.dateReasoning}`) : null,
    entity.summary ? h('p', null, entity.summary) : null,
    h('p', null, h('a', { href: entityHref(entity.id) }, 'Open the event’s page')),
    involved.length ? [h('h3', null, 'Who'), h('ul', { class: 'plain' }, involved.map((r) => {
      const who = r.from.id === entity.id ? r.to : r.from;
      return h('li', null, entityLink(who), h('span', { class: 'muted' }, ` — ${r.type}${r.role ? `, ${r.role}` : ''}`));
    }))] : null,
    entity.places?.length ? [h('h3', null, 'Where'), h('p', null, entity.places.map((place, i) => [i ? ', ' : '', entityLink({ ...place, __typename: 'Place' })]))] : null,
    entity.cases?.length ? [h('h3', null, 'Cases'), h('p', null, entity.cases.map((c, i) => [i ? ', ' : '', entityLink({ ...c, __typename: 'Case' })]))] : null,
    h('h3', null, 'Quotes'), citations(entity.sources));
  panel.querySelector('#event-title').focus();
}

export async function render(main) {
  main.classList.add('wide');
  const p = params();
  const filter = {
    entityId: p.get('entity') || null, from: p.get('from') || null, to: p.get('to') || null,
    kinds: list(p.get('type')).length ? list(p.get('type')) : null,
  };
  const named = filter.entityId ? (await query('node', { id: filter.entityId })).entity : null;
  const hidden = h('input', { type: 'hidden', name: 'entity', value: filter.entityId ?? '' });
  const combo = combobox({ id: 'tl-entity', label: 'Entity', text: named?.name ?? filter.entityId ?? '', placeholder: 'Everything', onChoose: (node) => { hidden.value = node.id; } });
  combo.input.addEventListener('input', () => { hidden.value = ''; });
  const form = h('form', { action: '/timeline', method: 'get' }, h('div', { class: 'row' },
    h('div', { class: 'field' }, h('label', { for: 'tl-entity' }, 'Involving'), combo.element, hidden),
    h('div', { class: 'field' }, h('label', { for: 'tl-from' }, 'From'), h('input', { id: 'tl-from', name: 'from', value: filter.from ?? '', placeholder: '2002', size: 10, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', title: 'A year, year-month or date: 2011, 2011-12, 2011-12-15' })),
    h('div', { class: 'field' }, h('label', { for: 'tl-to' }, 'To'), h('input', { id: 'tl-to', name: 'to', value: filter.to ?? '', placeholder: '2015', size: 10, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', title: 'A year, year-month or date: 2011, 2011-12, 2011-12-15' })),
    h('div', { class: 'field' }, h('label', { for: 'tl-type' }, 'Kinds of event'), h('input', { id: 'tl-type', name: 'type', value: filter.kinds?.join(',') ?? '', placeholder: 'e.g. conviction,pardon', list: 'tl-kinds' })),
    h('datalist', { id: 'tl-kinds' }, ['arrest', 'conviction', 'sentence', 'pardon', 'release', 'arrest-order', 'appeal', 'conviction-overturned', 'rescue', 'operation', 'investigation', 'trial', 'letter-sent', 'rating', 'publication', 'study'].map((k) => h('option', { value: k }))),
    h('button', { class: 'primary', type: 'submit' }, 'Show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (String(value).trim()) data.set(key, String(value).trim());
    }
    location.href = `/timeline?${data.toString().replaceAll('%2F', '/').replaceAll('%2C', ',')}`;
  });
  const heading = ['Timeline', named ? `of ${named.name}` : null, filter.from || filter.to ? `${filter.from ? partialDate(filter.from) : '…'}–${filter.to ? partialDate(filter.to) : 'now'}` : null].filter(Boolean).join(' ');
  setTitle(heading);
  const status = h('p', { class: 'status', role: 'status' }, 'Loading the events…');
  clear(main, h('h1', null, heading), form, status);

  const [vis, { all, complete }] = await Promise.all([loadVis(), events(filter)]);
  if (all.length === 0) {
    status.textContent = 'No event matches.';
    return;
  }
  status.textContent = `${all.length} event${all.length > 1 ? 's' : ''}${complete ? '' : ' (the first ones only: narrow the dates to see the rest)'}. `
    + 'Drag to move, Ctrl + wheel or the buttons to zoom; select an event for its people and quotes.';

  const cases = new Map();
  for (const event of all) {
    for (const c of event.cases.length ? event.cases : [NO_CASE]) {
      if (!cases.has(c.id)) cases.set(c.id, { ...c, events: [] });
      cases.get(c.id).events.push(event);
    }
  }
  const groups = [...cases.values()].sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : 0));
  const items = [];
  for (const group of groups) {
    for (const event of group.events) {
      const { start, end: periodEnd, precision } = periodOf(event.date);
      const end = event.endDate ? periodOf(event.endDate).end : periodEnd;
      const ranged = precision !== 'day' || event.endDate;
      items.push({
        id: `${event.id}|${group.id}`, group: group.id, start: new Date(start), end: ranged ? new Date(end) : undefined,
        type: ranged ? 'range' : 'box', className: precision,
        content: h('span', null, `${partialDate(event.date)} · ${event.name}`),
      });
    }
  }
  const container = h('div', { class: 'tl', id: 'tl' });
  const panel = h('aside', { class: 'panel', id: 'tl-panel', 'aria-label': 'Selected event', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Select an event on the timeline or in the list below.'));
  const zoom = (factor) => {
    const { start, end } = timeline.getWindow();
    const middle = (start.valueOf() + end.valueOf()) / 2;
    const half = ((end.valueOf() - start.valueOf()) / 2) * factor;
    timeline.setWindow(new Date(middle - half), new Date(middle + half), { animation: false });
  };
  main.append(h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Timeline controls' },
    h('button', { type: 'button', onclick: () => zoom(0.6) }, 'Zoom in'),
    h('button', { type: 'button', onclick: () => zoom(1 / 0.6) }, 'Zoom out'),
    h('button', { type: 'button', onclick: () => timeline.fit({ animation: false }) }, 'Fit')),
    h('div', { class: 'canvas-layout' }, container, panel));
  // The window opens on the dates asked for, or on all the events shown.
  const first = Math.min(...items.map((i) => i.start.valueOf()));
  const last = Math.max(...items.map((i) => (i.end ?? i.start).valueOf()));
  const margin = (last - first) * 0.03 + 1000 * 60 * 60 * 24 * 30;
  const timeline = new vis.Timeline(container, new vis.DataSet(items), new vis.DataSet(groups.map((g) => ({ id: g.id, content: h('span', null, g.name) }))), {
    stack: true, zoomKey: 'ctrlKey', maxHeight: 560, orientation: 'top', selectable: true, multiselect: false,
    showCurrentTime: false, moment: (date) => vis.moment(date).utc(), zoomMin: 1000 * 60 * 60 * 24 * 7,
    start: new Date(filter.from ? periodOf(filter.from).start : first - margin),
    end: new Date(filter.to ? periodOf(filter.to).end : last + margin),
    groupOrder: (a, b) => groups.findIndex((g) => g.id === a.id) - groups.findIndex((g) => g.id === b.id),
  });
  timeline.on('select', ({ items: selected }) => {
    if (selected.length) showEvent(panel, selected[0].split('|')[0], null);
  });

  main.append(h('section', { class: 'twin', id: 'timeline-text', 'aria-labelledby': 'tl-text-title' },
    h('h2', { id: 'tl-text-title' }, 'The events as text, by case'),
    groups.map((group) => h('section', { class: 'tl-group' }, h('h3', null, group.id ? h('a', { href: entityHref(group.id) }, group.name) : group.name),
      h('ol', { class: 'plain' }, group.events.map((event) => h('li', { dataset: { id: event.id } },
        time(event.date, event.dateQualifier), ' ',
        h('button', { type: 'button', class: 'event-open', onclick: () => showEvent(panel, event.id, timeline) }, event.name),
        event.kind ? h('span', { class: 'muted' }, ` · ${event.kind}`) : null)))))));
}
