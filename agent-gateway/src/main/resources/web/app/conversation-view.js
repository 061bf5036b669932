// One conversation: its timeline, the customer, SLA clocks, who else is here, the reply box and the actions.
import { LitElement, html } from 'lit';
import { api } from './api.js';

const PRIVACY = 'https://parley.dev/problems/personal-data-in-public-reply';
const COLLISION = 'https://parley.dev/problems/replied-meanwhile';
const VIEWING_EVERY_MS = 15000;
const TYPING_EVERY_MS = 3000;

/** Messages and events in one list, by time; an event at a message's instant comes after it. */
function timelineOf(messages, events) {
  const items = [
    ...messages.map((m) => ({ at: Date.parse(m.sentAt), order: 0, message: m })),
    ...events.map((e) => ({ at: Date.parse(e.at), order: 1, event: e })),
  ];
  return items.sort((a, b) => a.at - b.at || a.order - b.order);
}

/** Who did what, in words: "policy assigned it to alice", "alice added the tag billing". */
export function describeEvent(e) {
  const who = e.actor === 'policy' ? 'Routing' : e.actor === 'sla' ? 'The SLA' : e.actor?.startsWith('rule:') ? 'A rule' : e.actor || 'Someone';
  switch (e.type) {
    case 'conversation.assigned': return e.actor === e.agent ? `${who} took it` : `${who} assigned it to ${e.agent}`;
    case 'conversation.unassigned': return `${who} took it from ${e.agent}${e.reason ? ` (${e.reason})` : ''}`;
    case 'conversation.transferred': return `${who} moved it from ${e.from} to ${e.to}`;
    case 'conversation.tagged': return `${who} added the tag ${e.tag}`;
    case 'conversation.untagged': return `${who} removed the tag ${e.tag}`;
    case 'conversation.priority_changed': return `${who} set the priority to ${e.to}`;
    case 'conversation.status_changed':
      return e.to === 'snoozed' && e.until
        ? `${who} snoozed it until ${new Date(e.until).toLocaleString()}`
        : `${who} ${{ resolved: 'resolved it', open: 'reopened it', pending: 'set it pending' }[e.to] || `set it ${e.to}`}`;
    case 'sla.breached': return `SLA breached: ${(e.metric || '').replaceAll('_', ' ')}`;
    default: return e.type;
  }
}

class ConversationView extends LitElement {
  static properties = {
    conversationId: {},
    me: {},
    conversation: { state: true },
    sla: { state: true },
    person: { state: true },
    viewers: { state: true },
    canned: { state: true },
    knownTags: { state: true },
    events: { state: true },
    mode: { state: true },
    draft: { state: true },
    warning: { state: true },
    notice: { state: true },
    error: { state: true },
    sending: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  constructor() {
    super();
    this.viewers = [];
    this.canned = [];
    this.knownTags = [];
    this.events = [];
    this.sla = [];
    this.mode = 'reply';
    this.draft = '';
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.leave();
  }

  updated(changed) {
    if (changed.has('conversationId')) {
      const previous = changed.get('conversationId');
      if (previous) {
        this.activity(previous, 'left');
      }
      this.open();
    }
  }

  async open() {
    clearInterval(this.viewingTimer);
    this.conversation = null;
    this.warning = null;
    this.notice = null;
    this.error = null;
    this.draft = '';
    const id = this.conversationId;
    await this.load();
    this.activity(id, 'viewing');
    this.viewingTimer = setInterval(() => this.activity(id, 'viewing'), VIEWING_EVERY_MS);
    try {
      this.canned = await api(`/api/conversations/${id}/canned-replies`);
    } catch (e) {
      this.canned = [];
    }
    this.knownTags = await api('/api/tags').catch(() => []);
  }

  leave() {
    clearInterval(this.viewingTimer);
    if (this.conversationId) {
      this.activity(this.conversationId, 'left');
    }
  }

  async load() {
    const id = this.conversationId;
    try {
      const [conversation, sla, viewers, person, events] = await Promise.all([
        api(`/api/conversations/${id}`),
        api(`/api/conversations/${id}/sla`).catch(() => []),
        api(`/api/conversations/${id}/viewers`).catch(() => []),
        api(`/api/conversations/${id}/contact`).catch(() => null),
        api(`/api/conversations/${id}/timeline`).catch(() => []),
      ]);
      if (id !== this.conversationId) return;
      this.conversation = conversation;
      this.sla = sla;
      this.person = person;
      this.events = events;
      this.viewers = viewers.filter((v) => v.agent !== this.me.username);
      if (!this.seenUpTo) {
        this.seenUpTo = this.lastMessageId();
      }
    } catch (e) {
      this.error = e.message;
    }
  }

  lastMessageId() {
    const messages = (this.conversation && this.conversation.messages) || [];
    return messages.length ? messages[messages.length - 1].id : null;
  }

  activity(id, kind) {
    api(`/api/conversations/${id}/activity`, { method: 'POST', body: { kind } }).catch(() => {});
  }

  onActivity(activity) {
    if (activity.conversationId !== this.conversationId || activity.agent === this.me.username) {
      return;
    }
    api(`/api/conversations/${this.conversationId}/viewers`)
      .then((viewers) => { this.viewers = viewers.filter((v) => v.agent !== this.me.username); })
      .catch(() => {});
  }

  onConversationEvent() {
    clearTimeout(this.loadTimer);
    this.loadTimer = setTimeout(() => this.load(), 150);
  }

  typing() {
    const now = Date.now();
    if (!this.lastTyping || now - this.lastTyping > TYPING_EVERY_MS) {
      this.lastTyping = now;
      this.activity(this.conversationId, 'typing');
    }
  }

  get publicReply() {
    const incoming = ((this.conversation && this.conversation.messages) || []).filter((m) => m.direction === 'incoming');
    return incoming.length > 0 && incoming[incoming.length - 1].publicPost;
  }

  async send({ confirmPersonalData = false, confirmReplyAfterOthers = false } = {}) {
    const text = this.draft.trim();
    if (!text) return;
    this.sending = true;
    this.error = null;
    try {
      if (this.mode === 'note') {
        await api(`/api/conversations/${this.conversationId}/notes`, { method: 'POST', body: { text } });
        this.notice = 'Note added.';
      } else {
        await api(`/api/conversations/${this.conversationId}/replies`, {
          method: 'POST',
          body: { text, lastSeenMessageId: this.seenUpTo, confirmPersonalData, confirmReplyAfterOthers },
        });
        this.notice = 'Reply queued for delivery.';
      }
      this.warning = null;
      this.draft = '';
      this.seenUpTo = null;
      await this.load();
    } catch (e) {
      if (e.type === PRIVACY) {
        this.warning = { kind: 'privacy', text: e.message, confirm: { confirmPersonalData: true, confirmReplyAfterOthers } };
      } else if (e.type === COLLISION) {
        this.warning = { kind: 'collision', text: e.message, confirm: { confirmPersonalData, confirmReplyAfterOthers: true } };
        await this.load();
      } else {
        this.error = e.message;
      }
    } finally {
      this.sending = false;
    }
  }

  async act(path, { method = 'POST', body } = {}) {
    this.error = null;
    try {
      await api(`/api/conversations/${this.conversationId}${path}`, { method, body });
      await this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  useCanned(id) {
    const canned = this.canned.find((c) => c.id === id);
    if (canned) {
      this.draft = this.draft ? `${this.draft}\n${canned.text}` : canned.text;
      this.mode = 'reply';
    }
  }

  render() {
    if (this.error && !this.conversation) {
      return html`<section class="conversation-view"><p class="error" role="alert">${this.error}</p></section>`;
    }
    const c = this.conversation;
    if (!c) {
      return html`<section class="conversation-view"><p class="muted">Loading…</p></section>`;
    }
    return html`
      <section class="conversation-view" aria-label="Conversation">
        <header class="conversation-header">
          <h2>${(c.contact && c.contact.displayName) || 'Customer'} <small>${c.channel}${c.publicPost ? ' · public post' : ''}</small></h2>
          <div class="status-line">
            <span class="status" data-status=${c.status}>${c.status}</span>
            <span class="priority ${c.priority}">${c.priority}</span>
            <span>team ${c.team || '—'}</span>
            <span data-testid="assignee">${c.assignee ? `@${c.assignee}` : 'unassigned'}</span>
          </div>
          ${this.viewers.length ? html`
            <p class="viewers" role="status" aria-live="polite" data-testid="viewers">
              ${this.viewers.map((v) => html`<span class="viewer">${v.name || v.agent} ${v.typing ? 'is typing…' : 'is viewing'}</span>`)}
            </p>` : ''}
          ${this.renderActions(c)}
        </header>
        <div class="conversation-body">
          <ol class="timeline" aria-label="Timeline">
            ${timelineOf(c.messages || [], this.events).map((item) => (item.message ? html`
              <li class="message ${item.message.direction}" data-direction=${item.message.direction}>
                <div class="bubble">${item.message.text}</div>
                <div class="message-meta">
                  ${item.message.direction === 'incoming' ? (c.contact && c.contact.displayName) || 'Customer' : item.message.agent || 'brand'}
                  · <time datetime=${item.message.sentAt}>${new Date(item.message.sentAt).toLocaleString()}</time>
                  ${item.message.direction === 'note' ? html` · private note` : ''}
                  ${item.message.publicPost ? html` · public` : ''}
                  ${item.message.deliveryStatus ? html` · <span class="delivery ${item.message.deliveryStatus}">${item.message.deliveryStatus}${item.message.deliveryError ? `: ${item.message.deliveryError}` : ''}</span>` : ''}
                </div>
              </li>` : html`
              <li class="event" data-event=${item.event.type}>
                ${describeEvent(item.event)} · <time datetime=${item.event.at}>${new Date(item.event.at).toLocaleString()}</time>
              </li>`))}
          </ol>
          <aside class="contact-panel" aria-label="Customer">
            <h3>Customer</h3>
            <dl>
              <dt>Name</dt><dd>${(c.contact && c.contact.displayName) || '—'}</dd>
              <dt>On ${c.channel}</dt><dd>${(c.contact && c.contact.sourceId) || '—'}</dd>
              <dt>Language</dt><dd>${c.language || '—'}</dd>
              <dt>Sentiment</dt><dd>${c.sentiment || '—'}</dd>
              ${this.person ? Object.entries(this.person.attributes || {}).map(([key, value]) => html`
                <dt>${key}</dt><dd data-attribute=${key}>${value}
                  <button class="remove" aria-label="Remove ${key}" @click=${() => this.setAttribute(key, null)}>×</button></dd>`) : ''}
            </dl>
            ${this.person ? this.renderPerson(c) : ''}
            <h3>SLA</h3>
            ${this.sla.length ? html`
              <ul class="sla">
                ${this.sla.map((t) => html`<li class="sla-clock ${t.state}">
                  ${t.metric.replace('_', ' ')}: ${t.state}${t.state === 'running' && t.dueAt ? html` · due <time datetime=${t.dueAt}>${new Date(t.dueAt).toLocaleTimeString()}</time>` : ''}
                </li>`)}
              </ul>` : html`<p class="muted">No SLA clocks.</p>`}
          </aside>
        </div>
        ${this.renderComposer()}
      </section>`;
  }

  async setAttribute(key, value) {
    try {
      this.person = await api(`/api/conversations/${this.conversationId}/contact/attributes`, { method: 'PATCH', body: { [key]: value } });
    } catch (e) {
      this.error = e.message;
    }
  }

  async addContactNote(text) {
    try {
      await api(`/api/conversations/${this.conversationId}/contact/notes`, { method: 'POST', body: { text } });
      this.person = await api(`/api/conversations/${this.conversationId}/contact`);
    } catch (e) {
      this.error = e.message;
    }
  }

  async mergeInto(into) {
    try {
      this.person = await api(`/api/conversations/${this.conversationId}/contact/merge`, { method: 'POST', body: { into } });
      this.notice = 'Merged.';
    } catch (e) {
      this.error = e.message;
    }
  }

  renderPerson(c) {
    const others = (this.person.conversations || []).filter((h) => h.conversationId !== c.id);
    const supervises = this.me.roles.includes('supervisor') || this.me.roles.includes('admin');
    return html`
      <form class="attribute-form" @submit=${(e) => { e.preventDefault(); const f = e.target; if (f.key.value.trim()) { this.setAttribute(f.key.value.trim(), f.value.value); f.reset(); } }}>
        <label>Attribute <input name="key" placeholder="e.g. company" maxlength="64"></label>
        <label>Value <input name="value" maxlength="500"></label>
        <button type="submit">Save</button>
      </form>
      ${(this.person.identities || []).length > 1 ? html`
        <h4>Also reachable on</h4>
        <ul class="identities">${this.person.identities.map((i) => html`<li>${i.inboxId}: ${i.displayName || i.sourceId}</li>`)}</ul>` : ''}
      ${others.length ? html`
        <h4>Other conversations</h4>
        <ul class="history">${others.map((h) => html`<li>${h.channel} · ${h.status} · ${new Date(h.createdAt).toLocaleDateString()}</li>`)}</ul>` : ''}
      <h4>Notes about this person</h4>
      <ul class="contact-notes">${(this.person.notes || []).map((n) => html`<li><span class="bubble">${n.text}</span><small>${n.author} · ${new Date(n.createdAt).toLocaleDateString()}</small></li>`)}</ul>
      <form class="contact-note-form" @submit=${(e) => { e.preventDefault(); const t = e.target.note.value.trim(); if (t) { this.addContactNote(t); e.target.reset(); } }}>
        <label class="sr-only" for="contact-note">Note about this person</label>
        <input id="contact-note" name="note" placeholder="Add a note about this person" maxlength="4000">
        <button type="submit">Add</button>
      </form>
      ${supervises ? html`
        <details class="merge">
          <summary>Merge with another person</summary>
          <p class="muted">This person's id: <code>${this.person.id}</code></p>
          <form @submit=${(e) => { e.preventDefault(); const into = e.target.into.value.trim(); if (into) this.mergeInto(into); }}>
            <label>Merge into (person id) <input name="into" required pattern="[0-9a-f-]{36}"></label>
            <button type="submit">Merge</button>
          </form>
        </details>` : ''}`;
  }

  renderActions(c) {
    const mine = c.assignee === this.me.username;
    return html`
      <div class="actions" role="toolbar" aria-label="Actions">
        ${mine ? html`<button @click=${() => this.act('/unassign')}>Unassign</button>`
          : html`<button data-action="assign-me" @click=${() => this.act('/assign', { body: { agent: 'me' } })}>Assign to me</button>`}
        <label>Transfer to
          <select @change=${(e) => { if (e.target.value) this.act('/transfer', { body: { team: e.target.value } }); }}>
            <option value="">team…</option>
            ${['support', 'sales', 'escalation'].filter((t) => t !== c.team).map((t) => html`<option value=${t}>${t}</option>`)}
          </select>
        </label>
        <label>Priority
          <select .value=${c.priority} @change=${(e) => this.act('/priority', { method: 'PUT', body: { priority: e.target.value } })}>
            ${['low', 'medium', 'high', 'urgent'].map((p) => html`<option value=${p} ?selected=${p === c.priority}>${p}</option>`)}
          </select>
        </label>
        <form class="add-tag" @submit=${(e) => { e.preventDefault(); const tag = e.target.tag.value.trim(); if (tag) { this.act('/tags', { body: { tag } }); e.target.reset(); } }}>
          <label>Tag <input name="tag" placeholder="add a tag" list="known-tags"></label>
          <datalist id="known-tags">${this.knownTags.map((t) => html`<option value=${t.name}>${t.description ?? ''}</option>`)}</datalist>
          <button type="submit">Add</button>
        </form>
        <span class="tags">
          ${(c.tags || []).map((t) => html`<span class="tag">${t}<button class="remove" aria-label="Remove tag ${t}" @click=${() => this.act(`/tags/${encodeURIComponent(t)}`, { method: 'DELETE' })}>×</button></span>`)}
        </span>
        ${c.status === 'resolved'
          ? html`<button data-action="reopen" @click=${() => this.act('/status', { method: 'PUT', body: { status: 'open' } })}>Reopen</button>`
          : html`
            <button data-action="resolve" @click=${() => this.act('/status', { method: 'PUT', body: { status: 'resolved' } })}>Resolve</button>
            <button data-action="snooze" @click=${() => this.act('/status', { method: 'PUT', body: { status: 'snoozed', snoozedUntil: new Date(Date.now() + 3600000).toISOString() } })}>Snooze 1 h</button>`}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}`;
  }

  renderComposer() {
    const isPublic = this.mode === 'reply' && this.publicReply;
    return html`
      <form class="composer ${this.mode}" @submit=${(e) => { e.preventDefault(); this.send(); }}>
        <div class="composer-tabs" role="tablist">
          <button type="button" role="tab" aria-selected=${this.mode === 'reply'} @click=${() => { this.mode = 'reply'; }}>Reply</button>
          <button type="button" role="tab" aria-selected=${this.mode === 'note'} @click=${() => { this.mode = 'note'; }}>Private note</button>
          <span class="visibility ${isPublic ? 'public' : 'private'}" data-testid="visibility">
            ${this.mode === 'note' ? 'Only your team sees notes; @name mentions a teammate'
              : isPublic ? 'Public reply: everyone can read it' : 'Private message to the customer'}
          </span>
        </div>
        ${this.canned.length && this.mode === 'reply' ? html`
          <label class="canned">Canned reply
            <select data-testid="canned" @change=${(e) => { this.useCanned(e.target.value); e.target.value = ''; }}>
              <option value="">insert…</option>
              ${this.canned.map((c) => html`<option value=${c.id}>${c.shortcut} — ${c.title}</option>`)}
            </select>
          </label>` : ''}
        <label class="sr-only" for="draft">${this.mode === 'note' ? 'Note' : 'Reply'}</label>
        <textarea id="draft" rows="4" .value=${this.draft}
          placeholder=${this.mode === 'note' ? 'Write a private note…' : 'Write your reply…'}
          @input=${(e) => { this.draft = e.target.value; this.warning = null; this.typing(); }}
          @keydown=${(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.send(); } }}></textarea>
        ${this.warning ? html`
          <div class="warning ${this.warning.kind}" role="alert" data-testid="warning">
            <p>${this.warning.text}</p>
            <button type="button" data-action="send-anyway" @click=${() => this.send(this.warning.confirm)}>Send anyway</button>
            <button type="button" @click=${() => { this.warning = null; }}>Edit reply</button>
          </div>` : ''}
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : ''}
        <button type="submit" class="primary" ?disabled=${this.sending}>${this.mode === 'note' ? 'Add note' : 'Send'}</button>
      </form>`;
  }
}

customElements.define('conversation-view', ConversationView);
