// The explorer: one page per URL, rendered from the public GraphQL API.
import { credentials, signIn, signOut } from './api.js';
import { clear, errorBox, h } from './ui.js';

const routes = [
  [/^\/$/, () => import('./views/home.js')],
  [/^\/search$/, () => import('./views/search.js')],
  [/^\/entity\/(.+)$/, () => import('./views/entity.js')],
  [/^\/network\/(.+)$/, () => import('./views/network.js')],
  [/^\/paths$/, () => import('./views/paths.js')],
  [/^\/timeline$/, () => import('./views/timeline.js')],
  [/^\/document\/(.+)$/, () => import('./views/document.js')],
  [/^\/review$/, () => import('./views/review.js')],
  [/^\/review\/([^/]+)$/, () => import('./views/ingestion.js')],
];

function renderSignIn() {
  const slot = document.getElementById('signin');
  const signedIn = credentials();
  if (signedIn) {
    // Editors review ingested documents; the page itself says so to anyone else who signs in.
    document.querySelector('.top nav').append(h('a', { href: '/review' }, 'Review'));
    clear(slot, h('span', null, signedIn.kind === 'key' ? 'Signed in with an API key' : 'Signed in with a token'),
      h('button', { type: 'button', onclick: () => { signOut(); location.reload(); } }, 'Sign out'));
    return;
  }
  const dialog = h('dialog', { 'aria-labelledby': 'signin-title' });
  const kind = h('select', { id: 'signin-kind' }, h('option', { value: 'key' }, 'API key'),
    h('option', { value: 'token' }, 'Token (JWT)'));
  const secret = h('input', { id: 'signin-secret', type: 'password', autocomplete: 'off', required: true });
  const form = h('form', { method: 'dialog' },
    h('h2', { id: 'signin-title' }, 'Sign in'),
    h('p', null, 'Without signing in you see what the public may see. An API key or a token shows what its role may ',
      'see; it is kept in this tab only.'),
    h('div', { class: 'field' }, h('label', { for: 'signin-kind' }, 'Sign in with'), kind),
    h('div', { class: 'field' }, h('label', { for: 'signin-secret' }, 'Key or token'), secret),
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, 'Sign in'),
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')));
  form.addEventListener('submit', () => {
    if (secret.value.trim()) {
      signIn(kind.value, secret.value.trim());
      location.reload();
    }
  });
  dialog.append(form);
  clear(slot, h('span', { class: 'muted' }, 'Public view'),
    h('button', { type: 'button', onclick: () => dialog.showModal() }, 'Sign in'), dialog);
}

async function render() {
  const main = document.getElementById('main');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  for (const [pattern, load] of routes) {
    const match = path.match(pattern);
    if (match) {
      try {
        const view = await load();
        await view.render(main, match[1]);
      } catch (error) {
        console.error(error);
        clear(main, errorBox(error));
      }
      main.dataset.ready = 'true';
      return;
    }
  }
  clear(main, h('h1', null, 'Not found'), h('p', null, 'No explorer page has this address. ', h('a', { href: '/' }, 'Start here.')));
  main.dataset.ready = 'true';
}

renderSignIn();
render();
