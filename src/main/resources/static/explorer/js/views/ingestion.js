// One ingestion under review: its text with every proposed mention highlighted, the same mentions as a list
// with the editor's decisions, then publish (victims' names redacted first) or discard.
import { credentials, query } from '../api.js';
import { clear, documentHref, entityLink, h, partialDate, setTitle, time, typeBadge, TYPES } from '../ui.js';
import { redacts, refusal, signInHint } from './review.js';

const NEW_TYPES = [...TYPES.filter((type) => type !== 'Document'), 'Victim'];

/** An id in the graph's style, person/first-last, from a type and a name. */
function suggestedId(type, name) {
  const slug = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${type.toLowerCase()}/${slug || 'new'}`;
}

/** All the mentions of an ingestion: the API serves them 100 at a time. */
async function allMentions(id, first) {
  const mentions = first.edges.map((edge) => edge.node);
  let page = first.pageInfo;
  while (page.hasNextPage) {
    const { ingestion } = await query('ingestion', { id, after: page.endCursor });
    if (!ingestion) {
      break;
    }
    mentions.push(...ingestion.mentions.edges.map((edge) => edge.node));
    page = ingestion.mentions.pageInfo;
  }
  return mentions;
}

function decision(mention) {
  if (mention.victim === true) {
    return 'Marked as a victim: publishing replaces this name with [victim].';
  }
  if (mention.victim === false) {
    return mention.possibleVictim ? 'Victim flag cleared by an editor: the name is published.' : null;
  }
  return mention.possibleVictim
    ? 'Flagged as a possible victim: publishing replaces this name with [victim] unless an editor clears the flag.'
    : null;
}

/** An entity publishing will create: its type, name and the id it will have. */
function planned(entity) {
  return h('span', { class: 'entity planned' }, typeBadge(entity.type), ' ', h('strong', null, entity.name),
    h('span', { class: 'muted' }, ` (${entity.id})`));
}

function statusText(mention) {
  if (mention.status === 'accepted') {
    return mention.entity ? 'accepted' : 'accepted as new';
  }
  return mention.status;
}

/** The text, each mention a link to its entry in the list; overlapping spans keep the first. */
function highlightedText(text, mentions) {
  const out = [];
  let at = 0;
  const ordered = mentions.map((mention, index) => ({ mention, index }))
    .sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  for (const { mention, index } of ordered) {
    if (mention.start < at || mention.end > text.length) {
      continue;
    }
    out.push(text.slice(at, mention.start));
    const victim = redacts(mention);
    out.push(h('a', {
      href: `#mention-${index}`,
      id: `span-${index}`,
      class: `span span-${mention.type} status-${mention.status}${victim ? ' victim' : ''}`,
      title: `${mention.type}${victim ? ', possible victim' : ''}, ${statusText(mention)}`,
      dataset: { mention: mention.id },
    }, text.slice(mention.start, mention.end), victim ? h('span', { class: 'victim-flag' }, ' victim') : null));
    at = mention.end;
  }
  out.push(text.slice(at));
  return out;
}

export async function render(main, rawId) {
  const id = decodeURIComponent(rawId);
  if (!credentials()) {
    signInHint(main, 'Review an ingested document');
    return;
  }
  let data;
  try {
    data = await query('ingestion', { id });
  } catch (error) {
    setTitle('Review');
    clear(main, h('h1', null, 'Review an ingested document'), refusal(error, 'Could not open this ingestion.'),
      h('p', null, h('a', { href: '/review' }, 'Back to the documents waiting for review')));
    return;
  }
  if (!data.ingestion) {
    setTitle('Not found');
    clear(main, h('h1', null, 'Not found'),
      h('p', null, `No document waiting for review has the id “${id}”. It may have been published or discarded. `,
        h('a', { href: '/review' }, 'Back to the documents waiting for review.')));
    return;
  }
  const state = { ...data.ingestion, mentions: await allMentions(id, data.ingestion.mentions) };
  state.relationships = data.ingestion.relationships;
  setTitle(state.title, 'Review');

  const status = h('p', { class: 'status', role: 'status', id: 'review-status' });
  const problems = h('div', { id: 'review-problems' });
  const summary = h('p', { id: 'review-summary' });
  const textView = h('div', { class: 'ingest-text', id: 'ingest-text' });
  const list = h('ol', { class: 'plain mentions', id: 'mentions' });
  const relationshipList = h('ol', { class: 'plain mentions', id: 'relationships' });
  const publishDialog = h('dialog', { 'aria-labelledby': 'publish-title', id: 'publish-dialog' });
  const discardDialog = h('dialog', { 'aria-labelledby': 'discard-title', id: 'discard-dialog' });
  const actions = h('div', { class: 'actions', id: 'review-actions' },
    h('button', { type: 'button', class: 'primary', id: 'publish', onclick: () => openPublish() }, 'Publish…'),
    h('button', { type: 'button', id: 'discard', onclick: () => discardDialog.showModal() }, 'Discard…'));

  function conflictOr(error, lead) {
    if (error.codes?.includes('CONFLICT')) {
      return h('div', { class: 'error', role: 'alert', id: 'conflict' },
        h('strong', null, 'Someone else changed this document since you opened it. '),
        'Reload the page to see their decisions, then decide again. ',
        h('button', { type: 'button', onclick: () => location.reload() }, 'Reload'));
    }
    return refusal(error, lead);
  }

  function redraw(focusIndex) {
    const flagged = state.mentions.filter(redacts).length;
    const accepted = state.mentions.filter((m) => m.status === 'accepted').length;
    const rejected = state.mentions.filter((m) => m.status === 'rejected').length;
    clear(summary,
      `${state.mentions.length} mention${state.mentions.length === 1 ? '' : 's'}: `,
      h('strong', { class: 'count-victims' }, `${flagged} will read [victim]`),
      `, ${accepted} accepted, ${rejected} rejected, ${state.mentions.length - accepted - rejected} undecided. `,
      h('span', { class: 'muted' }, `Version ${state.version}.`));
    clear(textView, highlightedText(state.text, state.mentions));
    clear(list, state.mentions.length
      ? state.mentions.map((mention, index) => mentionItem(mention, index))
      : h('li', { class: 'muted' }, 'No mention was proposed in this text: publishing adds the document alone.'));
    clear(relationshipList, state.relationships.length
      ? state.relationships.map((proposal, index) => relationshipItem(proposal, index))
      : h('li', { class: 'muted', id: 'no-relationships' },
        'Accept two mentions of one sentence to see the relationship it may state here.'));
    if (focusIndex != null) {
      document.getElementById(`mention-${focusIndex}-name`)?.focus();
    }
  }

  async function decide(index, name, input, done) {
    clear(problems);
    const busy = document.querySelectorAll(`#${name.endsWith('-relationship') ? 'relationship' : 'mention'}-${index} button`);
    busy.forEach((button) => { button.disabled = true; });
    try {
      await query(name, { input: { ...input, expectedVersion: state.version } });
      // Read it again: the decision may have changed the relationships it proposes.
      const { ingestion } = await query('ingestion', { id });
      const mentions = await allMentions(id, ingestion.mentions);
      Object.assign(state, { status: ingestion.status, version: ingestion.version, mentions,
        relationships: ingestion.relationships });
      const relationship = name.endsWith('-relationship');
      redraw(relationship ? null : index);
      status.textContent = done(relationship ? state.relationships[index] : state.mentions[index]);
    } catch (error) {
      busy.forEach((button) => { button.disabled = false; });
      const box = document.querySelector(`#${name.endsWith('-relationship') ? 'relationship' : 'mention'}-${index} .mention-problem`);
      clear(box ?? problems, conflictOr(error, 'Not done:'));
    }
  }

  function relationshipItem(proposal, index) {
    const choices = [
      ...proposal.allowedTypes.map((type) => ({ type, reverse: false, label: `${proposal.from.text} — ${type} → ${proposal.to.text}` })),
      ...proposal.allowedReverseTypes.map((type) => ({ type, reverse: true, label: `${proposal.to.text} — ${type} → ${proposal.from.text}` })),
    ];
    const select = h('select', { id: `relationship-${index}-type`, name: 'type' },
      h('option', { value: '' }, 'Choose a relationship…'),
      choices.map((choice, at) => h('option', { value: String(at) }, choice.label)));
    const form = h('form', { class: 'new-entity' },
      h('div', { class: 'row' },
        h('div', { class: 'field grow' }, h('label', { for: `relationship-${index}-type` }, 'The sentence says'), select),
        h('button', { type: 'submit', class: 'primary accept-relationship' }, 'Accept relationship')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const choice = choices[Number(select.value)];
      if (!choice) {
        select.focus();
        return;
      }
      decide(index, 'accept-relationship', { proposalId: proposal.id, type: choice.type, reverse: choice.reverse },
        () => `Accepted: ${choice.label}. It is written when you publish.`);
    });
    return h('li', {
      id: `relationship-${index}`,
      class: `mention status-${proposal.status}`,
      dataset: { status: proposal.status },
    },
    h('h3', null, proposal.status === 'accepted'
      ? `${proposal.from.text} — ${proposal.type} → ${proposal.to.text}`
      : `${proposal.from.text} and ${proposal.to.text}`,
    h('span', { class: `badge decision decision-${proposal.status}` }, proposal.status)),
    h('blockquote', { class: 'quote' }, h('p', null, `“${proposal.quote}”`)),
    choices.length ? form : h('p', { class: 'muted' }, 'No relationship type links these two kinds of entity.'),
    proposal.status !== 'rejected'
      ? h('div', { class: 'actions mention-actions' }, h('button', {
        type: 'button', class: 'reject',
        onclick: () => decide(index, 'reject-relationship', { proposalId: proposal.id }, () => 'Relationship rejected.'),
      }, 'Reject'))
      : null,
    h('div', { class: 'mention-problem' }));
  }

  function newEntityForm(mention, index) {
    const type = mention.type === 'Event' || NEW_TYPES.includes(mention.type) ? mention.type : 'Person';
    const idInput = h('input', { id: `new-${index}-id`, name: 'id', required: true, value: suggestedId(type, mention.text) });
    const typeInput = h('select', { id: `new-${index}-type`, name: 'type' },
      NEW_TYPES.map((t) => h('option', { value: t, selected: t === type }, t)));
    const nameInput = h('input', { id: `new-${index}-name`, name: 'name', required: true, value: mention.text });
    let idEdited = false;
    idInput.addEventListener('input', () => { idEdited = true; });
    const follow = () => {
      if (!idEdited) {
        idInput.value = suggestedId(typeInput.value, nameInput.value);
      }
    };
    typeInput.addEventListener('change', follow);
    nameInput.addEventListener('input', follow);
    const form = h('form', { class: 'new-entity' },
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: `new-${index}-type` }, 'Type'), typeInput),
        h('div', { class: 'field grow' }, h('label', { for: `new-${index}-name` }, 'Name'), nameInput),
        h('div', { class: 'field grow' }, h('label', { for: `new-${index}-id` }, 'Id'), idInput),
        h('button', { type: 'submit', class: 'primary' }, 'Accept as new')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const newEntity = { id: idInput.value.trim(), type: typeInput.value, name: nameInput.value.trim() };
      if (typeInput.value === 'Event' && mention.date) {
        newEntity.fields = { date: mention.date, ...(mention.dateQualifier ? { dateQualifier: mention.dateQualifier } : {}) };
        if (mention.dateQualifier === 'inferred') {
          newEntity.fields.dateReasoning = `“${mention.text}” resolved against the document's publication date`
            + (state.published ? ` (${state.published})` : '');
        }
      }
      decide(index, 'accept-mention', { mentionId: mention.id, newEntity },
        (m) => `“${m.text}” accepted: ${newEntity.type} ${newEntity.id} is created when you publish.`);
    });
    return h('details', { class: 'new-entity-details' },
      h('summary', null, 'Accept as a new entity…'), form);
  }

  /** Retype the proposal, or move its ends to take in a word the recogniser cut off. */
  function correctionForm(mention, index) {
    const type = h('select', { id: `correct-${index}-type`, name: 'type' },
      [...new Set([mention.type, 'Person', 'Organization', 'Place', 'Event', ...NEW_TYPES])]
        .map((t) => h('option', { value: t, selected: t === mention.type }, t)));
    const start = h('input', { id: `correct-${index}-start`, name: 'start', type: 'number', min: 0, max: state.text.length, value: mention.start });
    const end = h('input', { id: `correct-${index}-end`, name: 'end', type: 'number', min: 1, max: state.text.length, value: mention.end });
    const preview = h('output', { id: `correct-${index}-preview`, class: 'span-preview' });
    const show = () => {
      const from = Number(start.value);
      const to = Number(end.value);
      preview.textContent = from >= 0 && to > from && to <= state.text.length ? `“${state.text.slice(from, to)}”` : 'not a span of the text';
    };
    start.addEventListener('input', show);
    end.addEventListener('input', show);
    show();
    const form = h('form', { class: 'new-entity' },
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: `correct-${index}-type` }, 'Type'), type),
        h('div', { class: 'field' }, h('label', { for: `correct-${index}-start` }, 'From character'), start),
        h('div', { class: 'field' }, h('label', { for: `correct-${index}-end` }, 'To character'), end),
        h('button', { type: 'submit' }, 'Correct')),
      h('p', { class: 'small' }, 'The mention will read ', preview));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      decide(index, 'correct-mention',
        { mentionId: mention.id, type: type.value, start: Number(start.value), end: Number(end.value) },
        (m) => `Corrected: “${m.text}”, ${m.type}, proposed again.`);
    });
    return h('details', { class: 'new-entity-details correct-details' },
      h('summary', null, 'Correct the type or the span…'), form);
  }

  function mentionItem(mention, index) {
    const victim = redacts(mention);
    const said = decision(mention);
    const buttons = [];
    if (mention.entity && !(mention.status === 'accepted' && mention.entity)) {
      buttons.push(h('button', {
        type: 'button', class: 'accept-linked',
        onclick: () => decide(index, 'accept-mention', { mentionId: mention.id, entityId: mention.entity.id },
          (m) => `“${m.text}” accepted as ${mention.entity.name}.`),
      }, `Accept as ${mention.entity.name}`));
    }
    if (mention.status !== 'rejected') {
      buttons.push(h('button', {
        type: 'button', class: 'reject',
        onclick: () => decide(index, 'reject-mention', { mentionId: mention.id }, (m) => `“${m.text}” rejected.`),
      }, 'Reject'));
    }
    buttons.push(victim
      ? h('button', {
        type: 'button', class: 'clear-victim',
        onclick: () => decide(index, 'mark-victim', { mentionId: mention.id, victim: false },
          (m) => `“${m.text}” is no longer flagged: it will be published as written.`),
      }, 'Not a victim: clear the flag')
      : h('button', {
        type: 'button', class: 'mark-victim',
        onclick: () => decide(index, 'mark-victim', { mentionId: mention.id, victim: true },
          (m) => `“${m.text}” marked as a victim: it will read [victim].`),
      }, 'Mark as victim'));
    return h('li', {
      id: `mention-${index}`,
      class: `mention status-${mention.status}${victim ? ' victim' : ''}`,
      dataset: { mention: mention.id, status: mention.status, victim: String(victim) },
    },
    h('h3', { id: `mention-${index}-name`, tabindex: '-1' }, typeBadge(mention.type), mention.text,
      victim ? h('span', { class: 'badge victim-badge' }, 'possible victim') : null,
      h('span', { class: `badge decision decision-${mention.status}` }, statusText(mention))),
    h('p', { class: 'links-to' }, mention.entity
      ? [mention.status === 'accepted' ? 'Linked to ' : 'Proposed link: ', entityLink(mention.entity)]
      : mention.newEntity
        ? ['Publishing creates ', planned(mention.newEntity)]
        : h('span', { class: 'muted' }, mention.type === 'Event'
        ? 'A date in a sentence that says something happened: accept it as a new Event.'
        : 'A new name: no entity in the graph matches it.')),
    said ? h('p', { class: 'victim-decision' }, said) : null,
    mention.date ? h('p', null, 'Date: ', time(mention.date, mention.dateQualifier)) : null,
    h('blockquote', { class: 'quote' }, h('p', null, `“${mention.quote}”`)),
    h('p', { class: 'muted small' }, `Proposed by ${mention.origin}, characters ${mention.start}–${mention.end}. `,
      h('a', { href: `#span-${index}` }, 'Show in the text')),
    h('div', { class: 'actions mention-actions' }, buttons),
    newEntityForm(mention, index),
    correctionForm(mention, index),
    h('div', { class: 'mention-problem' }));
  }

  function openPublish() {
    const names = [...new Set(state.mentions.filter(redacts).map((m) => m.text))];
    const accepted = state.mentions.filter((m) => m.status === 'accepted' && !redacts(m)).length;
    const created = [...new Map(state.mentions.filter((m) => m.status === 'accepted' && m.newEntity)
      .map((m) => [m.newEntity.id, m.newEntity])).values()];
    const confirm = h('button', { class: 'primary', type: 'button', id: 'publish-confirm' }, 'Publish');
    const outcome = h('div');
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const { publishIngestion } = await query('publish-ingestion', { id, expectedVersion: state.version });
        publishDialog.close();
        published(publishIngestion);
      } catch (error) {
        confirm.disabled = false;
        clear(outcome, conflictOr(error, 'Not published:'));
      }
    });
    clear(publishDialog,
      h('h2', { id: 'publish-title' }, 'Publish this document?'),
      h('p', null, names.length
        ? `Every occurrence of the ${names.length} name${names.length === 1 ? '' : 's'} marked or flagged as a victim’s `
          + 'will be replaced by [victim] in the published text and its quotes:'
        : 'No name is marked or flagged as a victim’s: the text is published as it stands.'),
      names.length ? h('ul', { id: 'publish-victims' }, names.map((name) => h('li', null, name))) : null,
      h('p', null, `${accepted} accepted mention${accepted === 1 ? '' : 's'} become${accepted === 1 ? 's' : ''} facts `,
        'citing this document; mentions not accepted are dropped. The text then becomes public.'),
      created.length
        ? [h('p', null, `${created.length} new entit${created.length === 1 ? 'y is' : 'ies are'} created:`),
          h('ul', { id: 'publish-creates' }, created.map((entity) => h('li', null, planned(entity))))]
        : null,
      outcome,
      h('div', { class: 'actions' }, confirm,
        h('button', { type: 'button', onclick: () => publishDialog.close() }, 'Cancel')));
    publishDialog.showModal();
  }

  function published(result) {
    setTitle(result.document.name, 'Published');
    clear(main,
      h('h1', null, 'Published'),
      h('p', { class: 'notice', id: 'published', role: 'status' },
        `“${result.document.name}” is in the graph, every victim’s name replaced by [victim]. `,
        h('a', { href: documentHref(result.document.id), id: 'published-link' }, 'Open the published document')),
      result.mentioned.length
        ? [h('h2', null, `It mentions (${result.mentioned.length})`),
          h('ul', { class: 'plain', id: 'published-mentions' }, result.mentioned.map((entity) => h('li', null, entityLink(entity))))]
        : null,
      h('p', null, h('a', { href: '/review' }, 'Back to the documents waiting for review')));
    document.getElementById('published-link').focus();
  }

  const discardConfirm = h('button', { class: 'primary', type: 'button', id: 'discard-confirm' }, 'Discard');
  const discardOutcome = h('div');
  discardConfirm.addEventListener('click', async () => {
    discardConfirm.disabled = true;
    try {
      await query('reject-ingestion', { id });
      discardDialog.close();
      setTitle('Discarded');
      clear(main, h('h1', null, 'Discarded'),
        h('p', { class: 'notice', role: 'status' }, `“${state.title}” and every decision on it are deleted; nothing `,
          'of it reached the graph. ', h('a', { href: '/review' }, 'Back to the documents waiting for review')));
    } catch (error) {
      discardConfirm.disabled = false;
      clear(discardOutcome, refusal(error, 'Not discarded:'));
    }
  });
  discardDialog.append(h('h2', { id: 'discard-title' }, 'Discard this document?'),
    h('p', null, 'Its text and every decision on it are deleted; nothing of it reaches the graph.'),
    discardOutcome,
    h('div', { class: 'actions' }, discardConfirm, h('button', { type: 'button', onclick: () => discardDialog.close() }, 'Cancel')));

  clear(main,
    h('p', null, h('a', { href: '/review' }, '← Documents waiting for review')),
    h('h1', null, state.title),
    h('dl', { class: 'facts review-facts' },
      h('dt', null, 'File'), h('dd', null, state.fileName ?? ''),
      state.published ? [h('dt', null, 'Published'), h('dd', null, partialDate(state.published))] : null,
      // Only web addresses become links: the address is whatever the uploader typed.
      state.url ? [h('dt', null, 'Address'), h('dd', null, /^https?:\/\//i.test(state.url)
        ? h('a', { href: state.url, rel: 'noopener noreferrer' }, state.url) : state.url)] : null,
      h('dt', null, 'Becomes'), h('dd', null, state.documentId)),
    summary,
    actions,
    status,
    problems,
    h('div', { class: 'review-layout' },
      h('section', { 'aria-labelledby': 'text-title', class: 'review-text' },
        h('h2', { id: 'text-title' }, 'Text'),
        h('p', { class: 'legend muted' }, 'Highlighted by type: ',
          ['Person', 'Organization', 'Place', 'Event'].map((type) => [typeBadge(type), ' ']),
          h('span', { class: 'span victim' }, 'name', h('span', { class: 'victim-flag' }, ' victim')),
          ' a possible victim’s name, published as [victim]; struck through: rejected.'),
        textView),
      h('section', { 'aria-labelledby': 'mentions-title', class: 'review-mentions' },
        h('h2', { id: 'mentions-title' }, 'Mentions'),
        list,
        h('h2', { id: 'relationships-title' }, 'Relationships'),
        h('p', { class: 'muted small' }, 'Two accepted mentions in one sentence: say which relationship the sentence states, '
          + 'or reject it. The sentence becomes its quote.'),
        relationshipList)),
    publishDialog, discardDialog);
  redraw();
}
