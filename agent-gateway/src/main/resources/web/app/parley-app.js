// The agent workspace: views of the inbox with counts, filters, the conversation, presence, and — for supervisors —
// the dashboard. Live updates come from one stream per tab (GET /api/live).
import { LitElement, html } from 'lit';
import { completeLogin, login, logout, profile } from './auth.js';
import { api, apiPage, withQuery, LiveStream } from './api.js';
import './conversation-view.js';
import './supervisor-dashboard.js';
import './admin-screens.js';

const INBOX_PAINTED = 'parley:inbox-painted';

const PAGE = 50;

const VIEWS = [
  { id: 'mine', label: 'Mine', query: { assignee: 'me' } },
  { id: 'unassigned', label: 'Unassigned', query: { assignee: 'none' } },
  { id: 'teams', label: 'My teams', query: {} },
  { id: 'all', label: 'All', query: {} },
];

class ParleyApp extends LitElement {
  static properties = {
    me: { state: true },
    view: { state: true },
    counts: { state: true },
    conversations: { state: true },
    nextCursor: { state: true },
    selected: { state: true },
    filters: { state: true },
    availability: { state: true },
    presence: { state: true },
    connection: { state: true },
    alerts: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  constructor() {
    super();
    this.view = 'mine';
    this.counts = {};
    this.conversations = [];
    this.filters = { status: 'open', q: '', priority: '', channel: '', inbox: '', tag: '', slaDueWithinMinutes: '', agent: '' };
    this.inboxesSeen = new Set();
    this.availability = 'online';
    this.presence = {};
    this.connection = 'connecting';
    this.alerts = [];
    this.loading = true;
  }

  async connectedCallback() {
    super.connectedCallback();
    if (!(await completeLogin())) {
      await login();
      return;
    }
    this.me = profile();
    this.stream = new LiveStream((name, event) => this.onLive(name, event), (state) => {
      this.connection = state;
    });
    this.stream.start();
    api('/api/me/availability')
      .then((answer) => { this.availability = answer.availability; })
      .catch(() => {});
    await this.reload();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.stream) {
      this.stream.stop();
    }
  }

  get seesAll() {
    return this.me && (this.me.roles.includes('supervisor') || this.me.roles.includes('admin'));
  }

  get isAdmin() {
    return this.me && this.me.roles.includes('admin');
  }

  views() {
    return VIEWS.filter((view) => {
      if (view.id === 'all') return this.seesAll;
      if (view.id === 'teams') return this.me.teams.length > 0;
      if (view.id === 'unassigned') return this.seesAll || this.me.teams.length > 0;
      return true;
    });
  }

  async reload() {
    if (this.view === 'dashboard' || this.view === 'admin') {
      try {
        this.counts = await api(withQuery('/api/conversations/counts', { status: this.filters.status || 'open' }));
      } catch (e) {
        this.error = e.message;
      }
      return;
    }
    // A live update reloads as many conversations as are shown, so "Load more" pages stay in place.
    const shown = Math.min(200, Math.max(PAGE, this.conversations.length));
    try {
      const [page, counts] = await Promise.all([
        apiPage(withQuery('/api/conversations', { ...this.listQuery(), limit: shown })),
        api(withQuery('/api/conversations/counts', { status: this.filters.status || 'open' })),
      ]);
      this.conversations = page.items;
      page.items.forEach((c) => this.inboxesSeen.add(c.inboxId));
      this.nextCursor = page.next;
      this.counts = counts;
      this.error = null;
      this.markInboxPainted();
    } catch (e) {
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  /** Marks, once per page load, when the inbox first shows its conversations (read by bench/workspace). */
  markInboxPainted() {
    if (performance.getEntriesByName(INBOX_PAINTED).length === 0) {
      // After the render, the next frame, and the task after it: when the list has been painted.
      this.updateComplete.then(() => requestAnimationFrame(() => setTimeout(() => performance.mark(INBOX_PAINTED))));
    }
  }

  listQuery() {
    const view = VIEWS.find((each) => each.id === this.view);
    const { agent, ...filters } = this.filters;
    const query = { ...view.query, ...filters };
    if (this.view === 'teams') {
      query.team = this.me.teams;
    }
    if (agent && this.seesAll) {
      // Supervisors look at one agent's conversations within the view.
      query.assignee = agent;
    }
    return query;
  }

  async loadMore() {
    try {
      const page = await apiPage(withQuery('/api/conversations', { ...this.listQuery(), limit: PAGE, cursor: this.nextCursor }));
      this.conversations = [...this.conversations, ...page.items];
      this.nextCursor = page.next;
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Many events come in bursts (a new conversation is created, queued and assigned at once): one reload for all. */
  scheduleReload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.reload(), 200);
  }

  onLive(name, event) {
    if (name === 'agent.availability_changed') {
      this.presence = { ...this.presence, [event.payload.agent]: event.payload.availability };
      return;
    }
    const view = this.querySelector('conversation-view');
    if (name === 'agent.activity') {
      if (view) view.onActivity(event.payload);
      return;
    }
    const alert = this.alertOf(name, event);
    if (alert) {
      this.alerts = [...this.alerts, alert];
    }
    if (name.startsWith('conversation.') || name.startsWith('sla.') || name.startsWith('csat.')) {
      this.scheduleReload();
      if (view && event.aggregateId === this.selected) {
        view.onConversationEvent(name, event);
      }
      const dashboard = this.querySelector('supervisor-dashboard');
      if (dashboard) dashboard.changed();
    }
  }

  /** A teammate's private note that names this agent (@username). */
  mentionsMe(payload) {
    if (payload.direction !== 'note' || payload.agent === this.me.username || !payload.text) {
      return false;
    }
    const escaped = this.me.username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|\\W)@${escaped}(\\W|$)`).test(payload.text);
  }

  /**
   * What the agent is told at once: a teammate's note naming them; an SLA target close to due on their conversation
   * or an unassigned one of their teams; a breach on theirs, or any breach for supervisors.
   */
  alertOf(name, event) {
    const p = event.payload;
    const conversationId = event.aggregateId;
    const metric = (p.metric || '').replaceAll('_', ' ');
    const at = (instant) => new Date(instant).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    if (name === 'conversation.message_created' && this.mentionsMe(p)) {
      const text = p.text.length > 80 ? `${p.text.slice(0, 80)}…` : p.text;
      return { kind: 'mention', conversationId, text: `${p.agent} mentioned you: “${text}”` };
    }
    if (name === 'sla.warning' && (p.assignee === this.me.username || !p.assignee)) {
      return { kind: 'sla-warning', conversationId, text: `SLA: ${metric} due at ${at(p.dueAt)}${p.assignee ? '' : ' (unassigned)'}` };
    }
    if (name === 'sla.breached' && (p.assignee === this.me.username || this.seesAll)) {
      return { kind: 'sla-breached', conversationId, text: `SLA breached: ${metric} of a ${p.team} conversation${p.escalatedTo ? `, escalated to ${p.escalatedTo}` : ''}` };
    }
    return null;
  }

  openAlert(alert) {
    this.alerts = this.alerts.filter((a) => a !== alert);
    this.selected = alert.conversationId;
  }

  select(id) {
    this.selected = id;
  }

  setView(view) {
    this.view = view;
    this.selected = null;
    this.conversations = [];
    this.loading = true;
    this.reload();
  }

  setFilter(name, value) {
    this.filters = { ...this.filters, [name]: value };
    this.conversations = [];
    this.reload();
  }

  async setAvailability(value) {
    try {
      await api('/api/me/availability', { method: 'PUT', body: { availability: value } });
      this.availability = value;
      this.error = null;
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    if (!this.me) {
      return html`<p class="splash">Signing in…</p>`;
    }
    return html`
      <header class="topbar">
        <h1>Parley</h1>
        <span class="connection ${this.connection}" role="status" aria-live="polite">
          ${this.connection === 'live' ? 'Live' : this.connection === 'reconnecting' ? 'Reconnecting…' : 'Connecting…'}
        </span>
        <label class="availability">
          Availability
          <select id="availability" .value=${this.availability} @change=${(e) => this.setAvailability(e.target.value)}>
            <option value="online">Online</option>
            <option value="away">Away</option>
            <option value="offline">Offline</option>
          </select>
        </label>
        <span class="who" data-testid="who">${this.me.name} (${this.me.roles.filter((r) => ['agent', 'supervisor', 'admin'].includes(r)).join(', ')})</span>
        <button class="link" @click=${() => logout()}>Log out</button>
      </header>
      <div class="layout">
        <nav class="views" aria-label="Views">
          <ul>
            ${this.views().map((view) => html`
              <li>
                <button class="view ${this.view === view.id ? 'current' : ''}" data-view=${view.id}
                  aria-current=${this.view === view.id ? 'page' : 'false'} @click=${() => this.setView(view.id)}>
                  ${view.label} <span class="count" data-count=${view.id}>${this.counts[view.id] ?? ''}</span>
                </button>
              </li>`)}
            ${this.seesAll ? html`<li><button class="view ${this.view === 'dashboard' ? 'current' : ''}" data-view="dashboard" @click=${() => this.setView('dashboard')}>Dashboard</button></li>` : ''}
            ${this.isAdmin ? html`<li><button class="view ${this.view === 'admin' ? 'current' : ''}" data-view="admin" @click=${() => this.setView('admin')}>Admin</button></li>` : ''}
          </ul>
          ${Object.keys(this.presence).length ? html`
            <h2>Team</h2>
            <ul class="presence">
              ${Object.entries(this.presence).map(([agent, availability]) => html`<li><span class="dot ${availability}"></span>${agent} · ${availability}</li>`)}
            </ul>` : ''}
        </nav>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${this.alerts.length ? html`
          <ul class="alerts" role="status" aria-live="polite" data-testid="alerts">
            ${this.alerts.map((a) => html`<li class=${a.kind}>
              <button @click=${() => this.openAlert(a)}>${a.text}</button>
              <button class="remove" aria-label="Dismiss" @click=${() => { this.alerts = this.alerts.filter((x) => x !== a); }}>×</button>
            </li>`)}
          </ul>` : ''}
        ${this.view === 'dashboard' ? html`<supervisor-dashboard class="main"></supervisor-dashboard>`
          : this.view === 'admin' ? html`<admin-screens class="main"></admin-screens>`
          : html`
          <section class="inbox" aria-label="Conversations">
            ${this.renderFilters()}
            ${this.loading ? html`<p class="muted">Loading…</p>` : ''}
            <ul class="conversation-list">
              ${this.conversations.map((c) => html`
                <li>
                  <button class="conversation ${this.selected === c.id ? 'selected' : ''}" data-conversation=${c.id}
                    @click=${() => this.select(c.id)}>
                    <span class="contact">${(c.contact && c.contact.displayName) || 'Customer'}</span>
                    <span class="meta">
                      <span class="channel">${c.channel}</span>
                      <span class="priority ${c.priority}">${c.priority}</span>
                      ${c.publicPost ? html`<span class="public">public</span>` : ''}
                      ${c.assignee ? html`<span class="assignee">@${c.assignee}</span>` : html`<span class="assignee none">unassigned</span>`}
                    </span>
                    <span class="tags">${(c.tags || []).map((t) => html`<span class="tag">${t}</span>`)}</span>
                    <time datetime=${c.lastMessageAt}>${c.lastMessageAt ? new Date(c.lastMessageAt).toLocaleTimeString() : ''}</time>
                  </button>
                </li>`)}
            </ul>
            ${!this.loading && this.conversations.length === 0 ? html`<p class="muted empty">Nothing here.</p>` : ''}
            ${this.nextCursor ? html`<button class="load-more" @click=${() => this.loadMore()}>Load more</button>` : ''}
          </section>
          ${this.selected
            ? html`<conversation-view class="main" .conversationId=${this.selected} .me=${this.me}></conversation-view>`
            : html`<section class="main placeholder"><p class="muted">Pick a conversation.</p></section>`}`}
      </div>`;
  }

  renderFilters() {
    return html`
      <form class="filters" @submit=${(e) => { e.preventDefault(); this.setFilter('q', e.target.q.value); }}>
        <label>Search <input name="q" type="search" .value=${this.filters.q} placeholder="Words in messages"></label>
        <label>Status
          <select name="status" .value=${this.filters.status} @change=${(e) => this.setFilter('status', e.target.value)}>
            <option value="open">Open</option><option value="pending">Pending</option>
            <option value="snoozed">Snoozed</option><option value="resolved">Resolved</option><option value="">Any</option>
          </select>
        </label>
        <label>Priority
          <select name="priority" .value=${this.filters.priority} @change=${(e) => this.setFilter('priority', e.target.value)}>
            <option value="">Any</option><option value="urgent">Urgent</option><option value="high">High</option>
            <option value="medium">Medium</option><option value="low">Low</option>
          </select>
        </label>
        <label>Channel
          <select name="channel" .value=${this.filters.channel} @change=${(e) => this.setFilter('channel', e.target.value)}>
            <option value="">Any</option>
            ${['whatsapp', 'messenger', 'instagram', 'x', 'telegram', 'email', 'api'].map((ch) => html`<option value=${ch}>${ch}</option>`)}
          </select>
        </label>
        <label>Inbox <input name="inbox" list="inboxes-seen" .value=${this.filters.inbox} placeholder="inbox id"
          @change=${(e) => this.setFilter('inbox', e.target.value.trim())}></label>
        <datalist id="inboxes-seen">${[...this.inboxesSeen].sort().map((i) => html`<option value=${i}></option>`)}</datalist>
        <label>Tag <input name="tag" .value=${this.filters.tag} @change=${(e) => this.setFilter('tag', e.target.value)}></label>
        ${this.seesAll ? html`<label>Agent <input name="agent" .value=${this.filters.agent} placeholder="username"
          @change=${(e) => this.setFilter('agent', e.target.value.trim())}></label>` : ''}
        <label>SLA due
          <select name="sla" .value=${this.filters.slaDueWithinMinutes} @change=${(e) => this.setFilter('slaDueWithinMinutes', e.target.value)}>
            <option value="">Any time</option><option value="30">within 30 min</option>
            <option value="120">within 2 h</option><option value="480">within 8 h</option>
          </select>
        </label>
      </form>`;
  }
}

customElements.define('parley-app', ParleyApp);
