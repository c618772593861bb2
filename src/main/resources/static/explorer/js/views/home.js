import { query } from '../api.js';
import { clear, entityHref, h, setTitle, time } from '../ui.js';
import { searchForm } from './searchform.js';

export async function render(main) {
  setTitle();
  const data = query('home');
  clear(main,
    h('h1', null, 'Explore who did what, when — and on whose word'),
    h('p', { class: 'muted' }, 'People, organizations, cases and events in the fight against human trafficking. ',
      'Every fact links to the quote it rests on.'),
    searchForm({ autofocus: true }),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: '/timeline?from=2002&to=2015' }, 'Timeline 2002–2015'),
      h('a', { class: 'button', href: '/paths' }, 'Trace a path between two entities')),
    h('p', { class: 'status', role: 'status' }, 'Loading the cases and the latest events…'));
  const { cases, latestEvents } = await data;
  main.querySelector('.status').remove();
  main.append(h('div', { class: 'columns' },
    h('section', { 'aria-labelledby': 'cases-title' },
      h('h2', { id: 'cases-title' }, `Cases (${cases.totalCount})`),
      h('ul', { class: 'plain', id: 'cases' }, cases.edges.map(({ node }) => h('li', null,
        h('a', { href: entityHref(node.id) }, node.name),
        node.status ? h('div', { class: 'muted' }, node.status) : null)))),
    h('section', { 'aria-labelledby': 'latest-title' },
      h('h2', { id: 'latest-title' }, 'Latest events'),
      h('ul', { class: 'plain', id: 'latest' }, latestEvents.map((event) => h('li', null,
        time(event.date, event.dateQualifier), ' ', h('a', { href: entityHref(event.id) }, event.name),
        event.cases.length ? h('div', { class: 'muted' }, event.cases.map((c) => c.name).join('; ')) : null))))));
}
