import { query } from '../api.js';
import {
  citations, clear, documentHref, entityHref, entityLink, h, idFromPath, idPath, period, setTitle, time, typeBadge,
} from '../ui.js';

// Typed fields worth showing, by the label a reader expects.
const FIELDS = [
  ['aliases', 'Also known as'], ['nationality', 'Nationality'], ['titles', 'Titles'], ['party', 'Party'],
  ['kind', 'Kind'], ['country', 'Country'], ['status', 'Status'], ['jurisdiction', 'Jurisdiction'],
  ['charges', 'Charges'], ['date', 'Date'], ['endDate', 'Until'], ['dateReasoning', 'How the date was worked out'],
  ['sentenceYears', 'Sentence (years)'], ['sentenceYearsMax', 'Sentence up to (years)'], ['fineAmount', 'Fine'],
  ['fineCurrency', 'Currency'], ['count', 'Count'], ['countOf', 'Count of'], ['countQualifier', 'Count is'],
  ['ageBand', 'Age band'], ['sex', 'Sex'], ['title', 'Title'], ['publicationDate', 'Published'], ['url', 'Address'],
  ['metric', 'Metric'], ['value', 'Value'], ['valueMax', 'Up to'], ['unit', 'Unit'], ['qualifier', 'Qualifier'],
  ['period', 'Period'], ['statement', 'Statement'],
];

function facts(entity) {
  const rows = [];
  for (const [key, label] of FIELDS) {
    let value = entity[key];
    if (value == null || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    if (key === 'date' || key === 'endDate' || key === 'publicationDate') {
      value = time(value, key === 'date' ? entity.dateQualifier : null);
    } else if (key === 'url') {
      value = h('a', { href: value, rel: 'noopener noreferrer' }, value);
    } else if (Array.isArray(value)) {
      value = value.join('; ');
    }
    rows.push(h('dt', null, label), h('dd', null, value));
  }
  return rows.length ? h('dl', { class: 'facts' }, rows) : null;
}

function standingClass(standing) {
  return `badge standing-${standing.replace(/\s+/g, '-')}`;
}

function legalStatus(statuses) {
  if (!statuses?.length) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'legal-title', id: 'legal-status' },
    h('h2', { id: 'legal-title' }, 'Legal status'),
    h('p', { class: 'muted' }, 'Standing per case, read from the case’s legal events: never “convicted” once a ',
      'conviction is overturned; “alleged” while there is no conviction.'),
    statuses.map((status) => h('article', { class: 'legal' },
      h('h3', null, h('span', { class: standingClass(status.standing), dataset: { standing: status.standing } },
        status.standing), ' in ', h('a', { href: entityHref(status.case.id) }, status.case.name)),
      h('p', null, `Latest: ${status.status}`, status.since ? [' since ', time(status.since)] : null),
      status.history.length ? h('ol', { class: 'plain' }, status.history.map((event) => h('li', { class: 'legal-event' },
        time(event.date, event.dateQualifier), ' ', h('strong', null, event.kind ?? ''), ' — ',
        h('a', { href: entityHref(event.id) }, event.name), citations(event.sources)))) : null)));
}

function relationships(entity) {
  const groups = new Map();
  for (const relationship of entity.relationships) {
    const outgoing = relationship.from?.id === entity.id;
    const key = `${relationship.type}${outgoing ? '' : ' (incoming)'}`;
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push({ relationship, outgoing });
  }
  if (groups.size === 0) {
    return h('p', { class: 'muted' }, 'No relationship visible to you.');
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, items]) => h('section', { class: 'rel-group' },
    h('h3', null, `${key} (${items.length})`),
    h('ul', { class: 'plain' }, items.map(({ relationship, outgoing }) => {
      const other = outgoing ? relationship.to : relationship.from;
      const details = [relationship.role, period(relationship.validFrom, relationship.validTo), relationship.note]
        .filter(Boolean).join(' · ');
      return h('li', { dataset: { relationship: relationship.id } },
        outgoing ? '→ ' : '← ', entityLink(other), details ? h('span', { class: 'muted' }, ` — ${details}`) : null,
        citations(relationship.sources));
    }))));
}

export async function render(main, path) {
  const id = idFromPath(path);
  const data = await query('entity', { id });
  const entity = data.entity;
  if (!entity) {
    setTitle('Not found');
    clear(main, h('h1', null, 'Not found'), h('p', null, `No entity you may see has the id “${id}”.`));
    return;
  }
  setTitle(entity.name);
  const events = data.timeline.edges.map((edge) => edge.node);
  clear(main,
    h('p', null, typeBadge(entity.__typename), h('span', { class: 'muted' }, entity.id)),
    h('h1', null, entity.name),
    entity.summary ? h('p', { class: 'summary' }, entity.summary) : null,
    h('nav', { class: 'actions', 'aria-label': 'Views of this entity' },
      h('a', { class: 'button', href: `/network/${idPath(entity.id)}` }, 'Network'),
      h('a', { class: 'button', href: `/timeline?entity=${encodeURIComponent(entity.id)}` }, 'Timeline'),
      h('a', { class: 'button', href: `/paths?from=${encodeURIComponent(entity.id)}` }, 'Paths from here'),
      entity.__typename === 'Document' ? h('a', { class: 'button', href: documentHref(entity.id) }, 'What cites this document') : null),
    facts(entity),
    legalStatus(entity.legalStatus),
    h('section', { 'aria-labelledby': 'sources-title', id: 'sources' },
      h('h2', { id: 'sources-title' }, 'On whose word'), citations(entity.sources)),
    h('section', { 'aria-labelledby': 'relationships-title', id: 'relationships' },
      h('h2', { id: 'relationships-title' }, `Relationships (${entity.relationships.length})`), relationships(entity)),
    h('section', { 'aria-labelledby': 'timeline-title', id: 'entity-timeline' },
      h('h2', { id: 'timeline-title' }, 'Timeline'),
      events.length === 0 ? h('p', { class: 'muted' }, 'No event involves this entity.')
        : h('ol', { class: 'plain' }, events.map((event) => h('li', null, time(event.date, event.dateQualifier), ' ',
          h('a', { href: entityHref(event.id) }, event.name), event.kind ? h('span', { class: 'muted' }, ` · ${event.kind}`) : null))),
      data.timeline.pageInfo.hasNextPage
        ? h('p', null, h('a', { href: `/timeline?entity=${encodeURIComponent(entity.id)}` }, 'All its events on the timeline'))
        : null));
}
