// The explorer talks only to the public GraphQL API, with the caller's credentials, and sends only the trusted
// documents the service itself serves (so it works where only trusted documents may run).

const documents = new Map();
const CREDENTIALS = 'casegraph.credentials';

export class ApiError extends Error {}

function documentText(name) {
  if (!documents.has(name)) {
    documents.set(name, fetch(`/explorer/queries/explorer-${name}.graphql`).then((response) => {
      if (!response.ok) {
        throw new ApiError(`The explorer could not load its query "${name}" (HTTP ${response.status}).`);
      }
      return response.text();
    }));
  }
  return documents.get(name);
}

/** The credentials the user signed in with in this tab: {kind: 'key' | 'token', value}, or null. */
export function credentials() {
  try {
    return JSON.parse(sessionStorage.getItem(CREDENTIALS));
  } catch {
    return null;
  }
}

export function signIn(kind, value) {
  sessionStorage.setItem(CREDENTIALS, JSON.stringify({ kind, value }));
}

export function signOut() {
  sessionStorage.removeItem(CREDENTIALS);
}

/** Runs the named explorer query; resolves to its data, or rejects with the API's own message. */
export async function query(name, variables = {}) {
  const text = await documentText(name);
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const signedIn = credentials();
  if (signedIn?.kind === 'key') {
    headers['X-API-Key'] = signedIn.value;
  } else if (signedIn?.kind === 'token') {
    headers.Authorization = `Bearer ${signedIn.value}`;
  }
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: text, variables }) });
  } catch {
    throw new ApiError('The service did not answer. Is it running?');
  }
  if (response.status === 401) {
    throw new ApiError('The service did not accept your sign-in (HTTP 401). Sign out, or sign in again.');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered HTTP ${response.status} without a GraphQL result.`);
  }
  if (body.errors?.length) {
    const message = body.errors.map((error) => error.message).join('; ');
    if (!body.data || Object.values(body.data).every((value) => value == null)) {
      throw new ApiError(message);
    }
    console.warn('GraphQL errors beside data:', message);
  }
  return body.data;
}
