// Calls to the Stream HTTP API with the credential the user gave: an API key (X-Api-Key) or a bearer token.

const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export class Api {
  constructor(credential) {
    this.credential = credential.trim();
    this.isToken = TOKEN.test(this.credential);
  }

  headers(extra = {}) {
    return this.isToken
      ? { Authorization: `Bearer ${this.credential}`, ...extra }
      : { 'X-Api-Key': this.credential, ...extra };
  }

  // JSON of a GET; null for 404 when allowed (no forecast yet, no nowcast); ApiError otherwise.
  async get(path, { notFound = false, signal } = {}) {
    const response = await fetch(path, { headers: this.headers({ Accept: 'application/json' }), cache: 'no-store', signal });
    if (response.status === 404 && notFound) {
      return null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problem(response));
    }
    return response.json();
  }

  symbol(symbol) {
    const base = `/api/symbols/${encodeURIComponent(symbol)}`;
    return {
      days: (from) => this.get(from ? `${base}/days?from=${from}` : `${base}/days`),
      stats: () => this.get(`${base}/stats`),
      forecast: () => this.get(`${base}/forecast`, { notFound: true }),
      nowcast: () => this.get(`${base}/nowcast`, { notFound: true }),
      models: () => this.get(`${base}/models`),
      sources: () => this.get(`${base}/sources`),
      events: `${base}/events`,
    };
  }
}

// What went wrong, in one line: the API's problem detail when it sent one.
async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

// Why a credential was refused, for the sign-in form.
export function refusal(error) {
  if (error.status === 401) {
    return 'The API did not accept this key or token (401). Check it, or make one with the silo\'s new-api-key command.';
  }
  if (error.status === 403) {
    return 'This key or token lacks the stream:read scope (403).';
  }
  if (error.status === 429) {
    return 'Too many requests for this key (429); try again in a moment.';
  }
  return `The API answered: ${error.message}`;
}
