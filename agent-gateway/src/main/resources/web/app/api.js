// The gateway's API as the app calls it: the bearer token on every call, problems (RFC 7807) as errors, and the
// live stream read with fetch (EventSource cannot send a token) and resumed with Last-Event-ID.
import { accessToken, login } from './auth.js';

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.type = (body && body.type) || 'about:blank';
    this.title = (body && body.title) || '';
  }
}

/** A page of a list: its items, and the cursor of the next page (null on the last). */
export async function apiPage(path) {
  return api(path, { page: true });
}

/** @param raw answer the body as text (a CSV export) rather than parsed JSON */
export async function api(path, { method = 'GET', body, accept = 'application/json', page = false, raw = false } = {}) {
  const token = await accessToken();
  if (!token) {
    await login();
    throw new Problem(401, { detail: 'Signing in again.' });
  }
  const headers = { Authorization: `Bearer ${token}`, Accept: accept };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    await login();
    throw new Problem(401, { detail: 'Signing in again.' });
  }
  const text = await response.text();
  const parsed = text && !(raw && response.ok) ? safeJson(text) : null;
  if (!response.ok) {
    throw new Problem(response.status, parsed);
  }
  if (raw) {
    return text;
  }
  if (page) {
    return { items: parsed, next: response.headers.get('X-Next-Cursor') };
  }
  return parsed;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: text };
  }
}

/** Path with the query parameters that have a value; arrays repeat the parameter. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      value.forEach((each) => query.append(key, each));
    } else if (value !== undefined && value !== null && value !== '') {
      query.set(key, value);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * GET /api/live as server-sent events. Reconnects by itself (a new token, the last event id) when the stream ends:
 * the gateway ends it when the token expires, a replica restarts, or the network drops.
 */
export class LiveStream {
  constructor(onEvent, onState) {
    this.onEvent = onEvent;
    this.onState = onState || (() => {});
    this.lastEventId = null;
    this.stopped = false;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    if (this.controller) {
      this.controller.abort();
    }
  }

  async connect() {
    while (!this.stopped) {
      try {
        const token = await accessToken();
        if (!token) {
          await login();
          return;
        }
        this.controller = new AbortController();
        const headers = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
        if (this.lastEventId) {
          headers['Last-Event-ID'] = this.lastEventId;
        }
        const response = await fetch('/api/live', { headers, signal: this.controller.signal });
        if (response.status === 400) {
          // Our position is unknown to the server (another topic, another cluster): start afresh.
          this.lastEventId = null;
          continue;
        }
        if (!response.ok) {
          throw new Error(`live updates answered ${response.status}`);
        }
        this.onState('live');
        await this.read(response.body.getReader());
      } catch (e) {
        if (this.stopped) {
          return;
        }
      }
      this.onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { id: null, name: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (event.data.length) {
            if (event.id) {
              this.lastEventId = event.id;
            }
            this.dispatch(event.name, event.data.join('\n'));
          }
          event = { id: null, name: 'message', data: [] };
        } else if (line.startsWith(':')) {
          // keep-alive comment
        } else if (line.startsWith('id:')) {
          event.id = line.slice(3).trim();
        } else if (line.startsWith('event:')) {
          event.name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          event.data.push(line.slice(5).replace(/^ /, ''));
        }
      }
    }
  }

  dispatch(name, data) {
    try {
      this.onEvent(name, JSON.parse(data));
    } catch (e) {
      // an event the app cannot read is skipped, the stream goes on
    }
  }
}
