// The explorer talks only to the public GraphQL API, with the caller's credentials, and sends only the trusted
// documents the service itself serves (so it works where only trusted documents may run).

const documents = new Map();
const CREDENTIALS = 'casegraph.credentials';

/** The API's refusal, in its own words; codes holds each error's code or classification (e.g. CONFLICT). */
export class ApiError extends Error {
  constructor(message, codes = []) {
    super(message);
    this.codes = codes;
  }
}

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

/** The headers that carry the sign-in of this tab, if any. */
function signInHeaders() {
  const signedIn = credentials();
  if (signedIn?.kind === 'key') {
    return { 'X-API-Key': signedIn.value };
  }
  if (signedIn?.kind === 'token') {
    return { Authorization: `Bearer ${signedIn.value}` };
  }
  return {};
}

/** Runs the named explorer query; resolves to its data, or rejects with the API's own message. */
export async function query(name, variables = {}) {
  const text = await documentText(name);
  const headers = {
    'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...signInHeaders(),
  };
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
      throw new ApiError(message, body.errors.map((error) => error.extensions?.code ?? error.extensions?.classification));
    }
    console.warn('GraphQL errors beside data:', message);
  }
  return body.data;
}

/**
 * Uploads a document to POST /ingest with this tab's sign-in (XMLHttpRequest, since fetch cannot report upload
 * progress). onProgress gets the share sent, 0 to 1. Resolves to the staged ingestion's JSON; rejects with the
 * service's own words ({"error", "code"}).
 */
export function upload(formData, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/ingest');
    for (const [name, value] of Object.entries({ Accept: 'application/json', ...signInHeaders() })) {
      request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // not JSON: said below
      }
      if (request.status >= 200 && request.status < 300 && body?.ingestionId) {
        resolve(body);
      } else {
        reject(new ApiError(body?.error ?? `The service answered HTTP ${request.status} without saying why.`,
          [body?.code ?? `HTTP ${request.status}`]));
      }
    });
    request.addEventListener('error', () => reject(new ApiError('The service did not answer. Is it running?')));
    request.send(formData);
  });
}
