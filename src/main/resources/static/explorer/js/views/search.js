import { query } from '../api.js';
import { clear, documentHref, entityHref, h, highlight, params, setTitle, typeBadge } from '../ui.js';
import { searchForm } from './searchform.js';

const PAGE = 20;

export async function render(main) {
  const p = params();
  const q = (p.get('q') ?? '').trim();
  const type = p.get('type') ?? '';
  const after = p.get('after');
  setTitle(q ? `“${q}”` : 'Search');
  clear(main, h('h1', null, 'Search'), searchForm({ q, type, autofocus: !q }));
  if (!q) {
    return;
  }
  const status = h('p', { class: 'status', role: 'status' }, 'Searching…');
  main.append(status);
  const { search } = await query('search', { query: q, types: type ? [type] : null, first: PAGE, after });
  status.textContent = search.totalCount === 0
    ? `Nothing found for “${q}”${type ? ` among ${type} entities` : ''}.`
    : `${search.totalCount} result${search.totalCount === 1 ? '' : 's'} for “${q}”${type ? ` (${type})` : ''}.`;
  main.append(h('ol', { class: 'plain results', id: 'results' }, search.edges.map(({ node, highlights }) => h('li', null,
    typeBadge(node.__typename),
    h('a', { href: node.__typename === 'Document' ? documentHref(node.id) : entityHref(node.id) }, node.name),
    highlights.map((fragment) => h('p', { class: 'hl' }, highlight(fragment)))))));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Result pages' });
  const base = new URLSearchParams({ q });
  if (type) {
    base.set('type', type);
  }
  if (after) {
    pager.append(h('a', { href: `/search?${base}` }, 'First results'));
  }
  if (search.pageInfo.hasNextPage) {
    const next = new URLSearchParams(base);
    next.set('after', search.pageInfo.endCursor);
    pager.append(h('a', { href: `/search?${next}`, rel: 'next' }, `Next ${PAGE} results`));
  }
  main.append(pager);
}
