// Login through Keycloak: authorization code with PKCE (the realm's public parley-spa client). Tokens live in this
// tab's sessionStorage only, are refreshed before they expire, and never appear in a URL.

const KEY = 'parley.tokens';
const PENDING = 'parley.login';
let config;
let refreshing;

export async function loadConfig() {
  if (!config) {
    const response = await fetch('/api/config');
    config = await response.json();
  }
  return config;
}

function endpoint(name) {
  return `${config.authServerUrl}/protocol/openid-connect/${name}`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}/`;
}

export async function login() {
  await loadConfig();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const params = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${endpoint('auth')}?${params}`);
}

/** Finishes a login when Keycloak sent the browser back with a code; true when the tab now has tokens. */
export async function completeLogin() {
  await loadConfig();
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (code && pending && query.get('state') === pending.state) {
    sessionStorage.removeItem(PENDING);
    // The code leaves the address bar before anything else runs.
    history.replaceState(null, '', '/');
    await token({
      grant_type: 'authorization_code',
      code,
      code_verifier: pending.verifier,
      redirect_uri: redirectUri(),
    });
  } else if (code) {
    history.replaceState(null, '', '/');
  }
  return stored() !== null;
}

async function token(form) {
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  if (!response.ok) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  const tokens = await response.json();
  const now = Date.now();
  sessionStorage.setItem(KEY, JSON.stringify({
    access: tokens.access_token,
    refresh: tokens.refresh_token,
    id: tokens.id_token,
    expiresAt: now + tokens.expires_in * 1000,
  }));
  return tokens.access_token;
}

function stored() {
  return JSON.parse(sessionStorage.getItem(KEY) || 'null');
}

/** A valid access token, refreshed when it has less than 30 s left; null when the session is over. */
export async function accessToken() {
  const tokens = stored();
  if (!tokens) {
    return null;
  }
  if (tokens.expiresAt - Date.now() > 30000) {
    return tokens.access;
  }
  if (!refreshing) {
    refreshing = token({ grant_type: 'refresh_token', refresh_token: tokens.refresh }).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** The signed-in agent as the access token says: username, name, roles, teams. */
export function profile() {
  const tokens = stored();
  if (!tokens) {
    return null;
  }
  const claims = JSON.parse(decodeURIComponent(escape(atob(tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
  return {
    username: claims.preferred_username,
    name: claims.name || claims.preferred_username,
    roles: (claims.realm_access && claims.realm_access.roles) || [],
    teams: (claims.teams || []).map((team) => team.replace(/^\//, '')),
  };
}

export async function logout() {
  await loadConfig();
  const tokens = stored();
  sessionStorage.removeItem(KEY);
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (tokens && tokens.id) {
    params.set('id_token_hint', tokens.id);
  }
  location.assign(`${endpoint('logout')}?${params}`);
}
