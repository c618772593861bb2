import { query } from '../api.js';
import { citations, clear, entityHref, entityLink, h, idFromPath, idPath, setTitle, time, typeBadge } from '../ui.js';

export async function render(main, path) {
  const raw = idFromPath(path);
  const id = raw.startsWith('document/') ? raw : `document/${raw}`;
  const { entity } = await query('document', { id });
  if (!entity || entity.__typename !== 'Document') {
    setTitle('Not found');
    clear(main, h('h1', null, 'Not found'), h('p', null, `No document you may see has the id “${id}”.`));
    return;
  }
  setTitle(entity.name);
  const people = (label, list) => (list.length ? [h('dt', null, label), h('dd', null, list.map((e, i) => [i ? ', ' : '', entityLink(e)]))] : []);
  const rows = [
    entity.title ? [h('dt', null, 'Title'), h('dd', null, entity.title)] : [],
    entity.kind ? [h('dt', null, 'Kind'), h('dd', null, entity.kind)] : [],
    entity.publicationDate ? [h('dt', null, 'Published'), h('dd', null, time(entity.publicationDate, entity.dateQualifier))] : [],
    entity.url ? [h('dt', null, 'Address'), h('dd', null, h('a', { href: entity.url, rel: 'noopener noreferrer' }, entity.url))] : [],
    people('Authors', entity.authors), people('Signed by', entity.signatories), people('Addressed to', entity.recipients),
    people('Published by', entity.publishers),
  ].flat();
  const onEntities = entity.citedBy.filter((fact) => fact.entity);
  const onRelationships = entity.citedBy.filter((fact) => fact.relationship);
  clear(main,
    h('p', null, typeBadge('Document'), h('span', { class: 'muted' }, entity.id)),
    h('h1', null, entity.name),
    entity.summary ? h('p', null, entity.summary) : null,
    rows.length ? h('dl', { class: 'facts' }, rows) : null,
    h('nav', { class: 'actions', 'aria-label': 'Views of this document' },
      h('a', { class: 'button', href: entityHref(entity.id) }, 'Its own relationships'),
      h('a', { class: 'button', href: `/network/${idPath(entity.id)}` }, 'Network')),
    h('section', { 'aria-labelledby': 'cited-title', id: 'cited-by' },
      h('h2', { id: 'cited-title' }, `Facts that cite this document (${entity.citedBy.length})`),
      h('h3', null, `Entities (${onEntities.length})`),
      h('ul', { class: 'plain' }, onEntities.map((fact) => h('li', null, entityLink(fact.entity),
        citations([{ quote: fact.quote, document: entity }])))),
      h('h3', null, `Relationships (${onRelationships.length})`),
      h('ul', { class: 'plain' }, onRelationships.map(({ relationship, quote }) => h('li', null,
        entityLink(relationship.from), ` —${relationship.type}${relationship.role ? ` (${relationship.role})` : ''}→ `,
        entityLink(relationship.to), citations([{ quote, document: entity }]))))),
    entity.sources.length ? h('section', null, h('h2', null, 'About this document'), citations(entity.sources)) : null);
}
