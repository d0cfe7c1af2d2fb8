// Calls to the console's own API. The header marks our requests: the server refuses changes without it (CSRF guard)
// and answers 499 instead of redirecting to the sign-in page when the session has ended.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const HEADERS = { 'X-Requested-With': 'JavaScript', Accept: 'application/json' };

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? HEADERS : { ...HEADERS, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    redirect: 'manual',
  });
  if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
    // The session has ended: a full page load goes through sign-in and comes back here.
    window.location.reload();
    throw new ApiError(response.status, 'SIGNED_OUT', 'Your session has ended; signing in again…');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.code ?? `HTTP_${response.status}`,
      json?.message ?? `The console answered HTTP ${response.status}`);
  }
  return json;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
};
