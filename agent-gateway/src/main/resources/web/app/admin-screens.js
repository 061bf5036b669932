// Admins' configuration: inboxes (ingest-service) with their settings, and from routing-service teams, tags, rules,
// business hours, SLA policies and canned replies per team.
import { html } from 'lit';
import { api } from './api.js';
import { AdminElement } from './admin-element.js';
import './admin-teams.js';
import './admin-rules.js';
import './admin-schedules.js';

const TABS = [
  ['inboxes', 'Inboxes'], ['teams', 'Teams'], ['tags', 'Tags'], ['rules', 'Rules'], ['hours', 'Business hours'],
  ['sla', 'SLA policies'], ['canned', 'Canned replies'],
];

class AdminScreens extends AdminElement {
  static properties = {
    tab: { state: true },
    inboxes: { state: true },
    canned: { state: true },
    tags: { state: true },
    settings: { state: true },
  };

  constructor() {
    super();
    this.tab = 'inboxes';
    this.inboxes = [];
    this.canned = [];
    this.tags = [];
    this.settings = {};
  }

  async load() {
    const [inboxes, canned, tags] = await Promise.all([
      api('/api/admin/inboxes'), api('/api/canned-replies'), api('/api/tags')]);
    this.inboxes = inboxes;
    this.canned = canned;
    this.tags = tags;
    await this.loadSettings();
  }

  async loadSettings() {
    const settings = {};
    await Promise.all(this.inboxes.map(async (i) => {
      settings[i.id] = await api(`/api/admin/inboxes/${encodeURIComponent(i.id)}/settings`).catch(() => null);
    }));
    this.settings = settings;
  }

  saveSettings(e, inbox) {
    e.preventDefault();
    const form = e.target;
    const body = { survey: form.survey.value, replySignature: form.signature.value, reopenWindowMinutes: Number(form.reopen.value) };
    return this.change(() => api(`/api/admin/inboxes/${encodeURIComponent(inbox)}/settings`, { method: 'PUT', body }),
      `Settings of ${inbox} saved.`);
  }

  async saveCanned(e) {
    e.preventDefault();
    const form = e.target;
    const body = { team: form.team.value, shortcut: form.shortcut.value, title: form.title.value, text: form.text.value };
    if (await this.change(() => api('/api/admin/canned-replies', { method: 'POST', body }), 'Canned reply saved.')) {
      form.reset();
    }
  }

  removeCanned(id) {
    return this.change(() => api(`/api/admin/canned-replies/${id}`, { method: 'DELETE' }), 'Canned reply deleted.');
  }

  async saveTag(e) {
    e.preventDefault();
    const form = e.target;
    const name = form.tag.value.trim();
    const body = { description: form.description.value.trim() || null };
    if (await this.change(() => api(`/api/admin/tags/${encodeURIComponent(name)}`, { method: 'PUT', body }), `Tag ${name} saved.`)) {
      form.reset();
    }
  }

  removeTag(name) {
    return this.change(() => api(`/api/admin/tags/${encodeURIComponent(name)}`, { method: 'DELETE' }), `Tag ${name} deleted.`);
  }

  select(tab) {
    this.tab = tab;
    this.notice = null;
    this.error = null;
  }

  /** Arrow keys move between tabs, as in the WAI-ARIA tabs pattern. */
  keyOnTabs(e) {
    const i = TABS.findIndex(([id]) => id === this.tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step) {
      this.select(TABS[(i + step + TABS.length) % TABS.length][0]);
      this.updateComplete.then(() => this.querySelector('.admin-tabs [aria-selected="true"]')?.focus());
    }
  }

  render() {
    return html`
      <section class="admin" aria-label="Administration">
        <div role="tablist" class="admin-tabs" @keydown=${(e) => this.keyOnTabs(e)}>
          ${TABS.map(([id, label]) => html`<button role="tab" aria-selected=${this.tab === id} tabindex=${this.tab === id ? 0 : -1}
            @click=${() => this.select(id)}>${label}</button>`)}
        </div>
        ${this.renderMessages()}
        <div role="tabpanel" aria-label=${TABS.find(([id]) => id === this.tab)[1]}>${this.renderTab()}</div>
      </section>`;
  }

  renderTab() {
    switch (this.tab) {
      case 'teams': return html`<admin-teams></admin-teams>`;
      case 'tags': return this.renderTags();
      case 'rules': return html`<admin-rules></admin-rules>`;
      case 'hours': return html`<admin-business-hours></admin-business-hours>`;
      case 'sla': return html`<admin-sla-policies></admin-sla-policies>`;
      case 'canned': return this.renderCanned();
      default: return this.renderInboxes();
    }
  }

  renderTags() {
    return html`
      <table>
        <thead><tr><th scope="col">Tag</th><th scope="col">Description</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${this.tags.map((t) => html`<tr data-tag=${t.name}><td><span class="tag">${t.name}</span></td><td>${t.description ?? ''}</td>
          <td><button @click=${() => this.removeTag(t.name)} aria-label="Delete tag ${t.name}">Delete</button></td></tr>`)}</tbody>
      </table>
      <form class="inline-form tag-form" @submit=${(e) => this.saveTag(e)}>
        <label>Tag <input name="tag" required pattern="[a-z0-9][a-z0-9-]*"></label>
        <label>Description <input name="description"></label>
        <button type="submit" class="primary">Save tag</button>
      </form>`;
  }

  renderInboxes() {
    return html`
      <table>
        <thead><tr><th scope="col">Inbox</th><th scope="col">Channel</th><th scope="col">Team</th><th scope="col">Name</th>
          <th scope="col">Survey, reopen window, reply signature</th></tr></thead>
        <tbody>${this.inboxes.map((i) => {
          const s = this.settings[i.id];
          return html`<tr data-inbox=${i.id}><td>${i.id}</td><td>${i.channel}</td><td>${i.team}</td><td>${i.name}</td>
            <td>${s ? html`
              <form class="inbox-settings" @submit=${(e) => this.saveSettings(e, i.id)}>
                <label>Survey <select name="survey" .value=${s.survey}>
                  <option value="none">none</option><option value="csat">CSAT</option><option value="nps">NPS</option></select></label>
                <label>Reopen (min) <input name="reopen" type="number" min="0" .value=${String(s.reopenWindowMinutes)}></label>
                <label>Signature <select name="signature" .value=${s.replySignature}>
                  <option value="none">none</option><option value="initials">initials (^AB)</option><option value="name">first name</option></select></label>
                <button type="submit">Save</button>
              </form>` : '—'}</td></tr>`;
        })}</tbody>
      </table>`;
  }

  renderCanned() {
    return html`
      <table>
        <thead><tr><th scope="col">Team</th><th scope="col">Shortcut</th><th scope="col">Title</th><th scope="col">Text</th><th></th></tr></thead>
        <tbody>${this.canned.map((c) => html`<tr><td>${c.team}</td><td>${c.shortcut}</td><td>${c.title}</td><td>${c.text}</td>
          <td><button @click=${() => this.removeCanned(c.id)} aria-label="Delete ${c.shortcut}">Delete</button></td></tr>`)}</tbody>
      </table>
      <form class="canned-form" @submit=${(e) => this.saveCanned(e)}>
        <h3>New canned reply</h3>
        <label>Team <input name="team" required></label>
        <label>Shortcut <input name="shortcut" required pattern="[a-z0-9-]+"></label>
        <label>Title <input name="title" required></label>
        <label>Text <textarea name="text" required rows="3" placeholder="Hi {{contact.name}}, … — {{agent.name}}"></textarea></label>
        <button type="submit" class="primary">Save</button>
      </form>`;
  }
}

customElements.define('admin-screens', AdminScreens);
