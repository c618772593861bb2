// Editors' review queue: upload a document to ingest, the ingestions waiting for review, and the merges an FtM
// import proposed.
import { credentials, query, upload } from '../api.js';
import { clear, entityHref, h, partialDate, setTitle, typeBadge } from '../ui.js';

/** Whether publishing would replace this mention with [victim]: marked, or flagged and not cleared. */
export function redacts(mention) {
  return mention.victim === true || (mention.victim == null && mention.possibleVictim);
}

/** What someone who is not signed in reads instead of a review page. */
export function signInHint(main, title) {
  setTitle(title);
  clear(main,
    h('h1', null, title),
    h('div', { class: 'notice', id: 'review-sign-in' },
      h('p', null, h('strong', null, 'Reviewing ingested documents needs an editor’s API key. '),
        'Unpublished documents may name victims, so only editors see them until they are published with every ',
        'victim’s name replaced by [victim].'),
      h('p', null, 'To sign in: choose “Sign in” at the top right, pick “API key”, paste your editor’s key and confirm. ',
        'The key stays in this browser tab only.'),
      h('p', null, h('button', {
        type: 'button', class: 'primary',
        onclick: () => document.querySelector('#signin dialog')?.showModal(),
      }, 'Sign in'))));
}

/** A refusal that means the key is not an editor's gets a plain hint beside the service's words. */
export function refusal(error, lead) {
  const forbidden = error.codes?.includes('FORBIDDEN');
  return h('div', { class: 'error', role: 'alert' }, h('strong', null, lead), ' ', error.message,
    forbidden ? h('p', null, 'Sign out and sign in with an editor’s API key to review.') : null);
}

const LEADS = {
  UNSUPPORTED: 'This kind of file cannot be read.',
  ENCRYPTED: 'This file is encrypted.',
  EMPTY: 'There is no text in this file.',
  TOO_LARGE: 'This file is too large.',
  BOMB: 'This file expands to far more than it weighs, so it was not read.',
  HEAP: 'The service lacks the memory to read documents.',
  INVALID: 'Something in the form is not right.',
  FORBIDDEN: 'Your sign-in may not upload documents.',
  UNAUTHENTICATED: 'The service does not know your key.',
};

function kiloBytes(size) {
  return size < 1024 ? `${size} bytes` : `${Math.round(size / 1024)} kB`;
}

function uploadForm(onStaged) {
  const file = h('input', {
    id: 'upload-file', name: 'file', type: 'file', required: true,
    accept: '.pdf,.docx,.html,.htm,.xhtml,.txt,application/pdf,text/html,text/plain',
    'aria-describedby': 'upload-file-help',
  });
  const title = h('input', { id: 'upload-title', name: 'title', type: 'text', autocomplete: 'off' });
  const url = h('input', { id: 'upload-url', name: 'url', type: 'url', placeholder: 'https://…', autocomplete: 'off' });
  const published = h('input', { id: 'upload-published', name: 'published', type: 'date' });
  const button = h('button', { class: 'primary', type: 'submit' }, 'Upload and propose mentions');
  const progress = h('progress', { id: 'upload-progress', max: 1, hidden: true, 'aria-label': 'Upload' });
  const status = h('p', { class: 'status', id: 'upload-status', role: 'status' });
  const outcome = h('div', { id: 'upload-outcome' });
  const form = h('form', { id: 'upload', class: 'upload', 'aria-labelledby': 'upload-title-h' },
    h('h2', { id: 'upload-title-h' }, 'Ingest a document'),
    h('div', { class: 'field' }, h('label', { for: 'upload-file' }, 'File'), file,
      h('span', { class: 'muted', id: 'upload-file-help' },
        'PDF, Word (DOCX), HTML or plain text. The same file twice is the same ingestion.')),
    h('div', { class: 'row' },
      h('div', { class: 'field grow' }, h('label', { for: 'upload-title' }, 'Title (optional)'), title),
      h('div', { class: 'field grow' }, h('label', { for: 'upload-url' }, 'Address (optional)'), url),
      h('div', { class: 'field' }, h('label', { for: 'upload-published' }, 'Published on (optional)'), published)),
    h('div', { class: 'actions' }, button, progress),
    status, outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      return;
    }
    const data = new FormData();
    data.append('file', chosen);
    for (const [name, input] of [['title', title], ['url', url], ['published', published]]) {
      if (input.value.trim()) {
        data.append(name, input.value.trim());
      }
    }
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    progress.hidden = false;
    progress.value = 0;
    clear(outcome);
    status.textContent = `Uploading “${chosen.name}” (${kiloBytes(chosen.size)})…`;
    try {
      const staged = await upload(data, (share) => {
        progress.value = share;
        if (share >= 1) {
          // Sent: the service now extracts the text and runs the name recogniser, which loads on first use.
          progress.removeAttribute('value');
          status.textContent = `Reading “${chosen.name}” and proposing mentions… The first document after a `
            + 'restart takes longer: the name recogniser loads then.';
        }
      });
      const flagged = staged.mentions.filter((m) => m.possibleVictim).length;
      status.textContent = `“${chosen.name}” is staged for review.`;
      clear(outcome, h('p', { class: 'notice' },
        `${staged.mentions.length} mention${staged.mentions.length === 1 ? '' : 's'} proposed, `,
        `${flagged} flagged as possible victim${flagged === 1 ? '' : 's'}. `,
        h('a', { href: `/review/${encodeURIComponent(staged.ingestionId)}` }, 'Review it now')));
      form.reset();
      await onStaged();
    } catch (error) {
      status.textContent = `“${chosen.name}” was not ingested.`;
      clear(outcome, h('div', { class: 'error', role: 'alert' },
        h('strong', null, LEADS[error.codes?.[0]] ?? 'The service refused the file.'), ' ', error.message));
    } finally {
      button.disabled = false;
      form.removeAttribute('aria-busy');
      progress.hidden = true;
    }
  });
  return form;
}

function pendingList(connection) {
  if (connection.totalCount === 0) {
    return h('p', { class: 'notice', id: 'pending-empty' },
      'Nothing is waiting for review. Upload a PDF, Word, HTML or text file above: its text is extracted, the names ',
      'it mentions are proposed and linked to the graph, and it waits here, visible to editors only, until you ',
      'publish or discard it.');
  }
  return h('ul', { class: 'plain', id: 'pending' }, connection.edges.map(({ node }) => {
    const mentions = node.mentions.edges.map((edge) => edge.node);
    const flagged = mentions.filter(redacts).length;
    const undecided = mentions.filter((m) => m.status === 'proposed').length;
    const more = node.mentions.pageInfo.hasNextPage ? ' in the first 100' : '';
    return h('li', { class: 'pending', dataset: { ingestion: node.id } },
      h('a', { class: 'pending-title', href: `/review/${encodeURIComponent(node.id)}` }, node.title),
      h('div', { class: 'muted' }, [node.fileName, node.published ? `published ${partialDate(node.published)}` : null]
        .filter(Boolean).join(' · ')),
      h('div', { class: 'counts' },
        h('span', { class: 'count-mentions' }, `${node.mentions.totalCount} mention${node.mentions.totalCount === 1 ? '' : 's'}`),
        ' · ',
        h('span', { class: flagged ? 'count-victims flagged' : 'count-victims' },
          `${flagged} possible victim${flagged === 1 ? '' : 's'}${more}`),
        ' · ', `${undecided} undecided${more}`));
  }));
}

/** One proposed merge: the imported entity, the existing one it shares a name with, and the two decisions. */
function mergeItem(proposal, decide) {
  const entity = (id, name, role) => h('span', { class: 'entity' },
    h('a', { href: entityHref(id) }, name), h('span', { class: 'muted' }, ` (${role}, ${id})`));
  return h('li', { class: 'merge-proposal', dataset: { proposal: proposal.id } },
    h('div', null, typeBadge(proposal.type), ' ', entity(proposal.incomingId, proposal.incomingName, 'imported'),
      ' may be ', entity(proposal.existingId, proposal.existingName, 'in the graph')),
    h('div', { class: 'muted' }, `Both are named “${proposal.matchedName}” · imported from `,
      proposal.datasets.join(', ') || 'an FtM file'),
    h('div', { class: 'actions mention-actions' },
      h('button', {
        type: 'button', class: 'primary accept-merge', onclick: () => decide('accept-merge-proposal', proposal),
      }, 'Merge'),
      h('button', {
        type: 'button', class: 'reject-merge', onclick: () => decide('reject-merge-proposal', proposal),
      }, 'Keep both')));
}

/**
 * The merges `import --format ftm` proposed: Merge folds the imported entity into the existing one (undoable like
 * any merge), Keep both leaves the two as they are; either way the proposal leaves the list.
 */
function mergeSection() {
  const status = h('p', { class: 'status', role: 'status', id: 'merges-status' });
  const body = h('div', null, h('p', { class: 'status' }, 'Loading…'));
  const heading = h('h2', { id: 'merges-title' }, 'Proposed merges');
  const section = h('section', { 'aria-labelledby': 'merges-title', id: 'merges-section' }, heading,
    h('p', { class: 'muted' }, 'An FtM import does not merge an imported entity into one of the graph that has its ',
      'name or alias: it proposes it here. Merge moves the imported entity’s names, citations and links to the ',
      'existing one (its id then leads there; an editor can undo the merge); Keep both leaves the two as they are.'),
    status, body);
  const refresh = async () => {
    try {
      const { mergeProposals } = await query('merge-proposals');
      heading.textContent = `Proposed merges (${mergeProposals.totalCount})`;
      clear(body, mergeProposals.totalCount === 0
        ? h('p', { class: 'notice', id: 'merges-empty' }, 'No merge is waiting for a decision.')
        : h('ul', { class: 'plain', id: 'merges' },
          mergeProposals.edges.map(({ node }) => mergeItem(node, decide))));
    } catch (error) {
      clear(body, refusal(error, 'Could not list the proposed merges.'));
    }
  };
  async function decide(name, proposal) {
    const buttons = section.querySelectorAll(`[data-proposal="${proposal.id}"] button`);
    buttons.forEach((button) => { button.disabled = true; });
    try {
      await query(name, { input: { id: proposal.id } });
      status.textContent = name === 'accept-merge-proposal'
        ? `Merged “${proposal.incomingName}” into “${proposal.existingName}”.`
        : `Kept both “${proposal.incomingName}” and “${proposal.existingName}”.`;
      await refresh();
    } catch (error) {
      buttons.forEach((button) => { button.disabled = false; });
      clear(status, refusal(error, 'The decision was not saved.'));
    }
  }
  return { section, refresh };
}

export async function render(main) {
  const title = 'Review ingested documents';
  if (!credentials()) {
    signInHint(main, title);
    return;
  }
  setTitle('Review');
  const list = h('section', { 'aria-labelledby': 'pending-title', id: 'pending-section' },
    h('h2', { id: 'pending-title' }, 'Waiting for review'), h('p', { class: 'status', role: 'status' }, 'Loading…'));
  const merges = mergeSection();
  const refresh = async () => {
    try {
      const { ingestions } = await query('ingestions');
      clear(list, h('h2', { id: 'pending-title' }, `Waiting for review (${ingestions.totalCount})`),
        pendingList(ingestions),
        ingestions.totalCount > ingestions.edges.length
          ? h('p', { class: 'muted' }, `The oldest ${ingestions.edges.length} are shown; publish or discard them to see the rest.`)
          : null);
    } catch (error) {
      clear(list, h('h2', { id: 'pending-title' }, 'Waiting for review'),
        refusal(error, 'Could not list the documents waiting for review.'));
    }
  };
  clear(main,
    h('h1', null, title),
    h('p', { class: 'muted' }, 'A document goes in as a file. Its text and the names it mentions stay visible to ',
      'editors only until you publish it; publishing replaces every name marked or still flagged as a victim’s ',
      'with [victim] before anything becomes public.'),
    uploadForm(refresh),
    list,
    merges.section);
  await Promise.all([refresh(), merges.refresh()]);
}
