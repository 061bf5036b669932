// Admins' configuration: inboxes (ingest-service) with their settings, and canned replies per team (routing-service).
import { LitElement, html } from 'lit';
import { api } from './api.js';

class AdminScreens extends LitElement {
  static properties = {
    tab: { state: true },
    inboxes: { state: true },
    canned: { state: true },
    settings: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  constructor() {
    super();
    this.tab = 'inboxes';
    this.inboxes = [];
    this.canned = [];
    this.settings = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [inboxes, canned] = await Promise.all([api('/api/admin/inboxes'), api('/api/canned-replies')]);
      this.inboxes = inboxes;
      this.canned = canned;
      this.error = null;
      await this.loadSettings();
    } catch (e) {
      this.error = e.message;
    }
  }

  async saveSettings(e, inbox) {
    e.preventDefault();
    const form = e.target;
    try {
      await api(`/api/admin/inboxes/${encodeURIComponent(inbox)}/settings`, {
        method: 'PUT',
        body: { survey: form.survey.value, replySignature: form.signature.value, reopenWindowMinutes: Number(form.reopen.value) },
      });
      this.notice = `Settings of ${inbox} saved.`;
      this.error = null;
    } catch (err) {
      this.error = err.message;
    }
  }

  async loadSettings() {
    const settings = {};
    await Promise.all(this.inboxes.map(async (i) => {
      settings[i.id] = await api(`/api/admin/inboxes/${encodeURIComponent(i.id)}/settings`).catch(() => null);
    }));
    this.settings = settings;
  }

  async saveCanned(e) {
    e.preventDefault();
    const form = e.target;
    const body = { team: form.team.value, shortcut: form.shortcut.value, title: form.title.value, text: form.text.value };
    try {
      await api('/api/admin/canned-replies', { method: 'POST', body });
      form.reset();
      this.notice = 'Canned reply saved.';
      await this.load();
    } catch (err) {
      this.error = err.message;
    }
  }

  async removeCanned(id) {
    try {
      await api(`/api/admin/canned-replies/${id}`, { method: 'DELETE' });
      await this.load();
    } catch (err) {
      this.error = err.message;
    }
  }

  render() {
    return html`
      <section class="admin" aria-label="Administration">
        <div role="tablist" class="admin-tabs">
          <button role="tab" aria-selected=${this.tab === 'inboxes'} @click=${() => { this.tab = 'inboxes'; }}>Inboxes</button>
          <button role="tab" aria-selected=${this.tab === 'canned'} @click=${() => { this.tab = 'canned'; }}>Canned replies</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : ''}
        ${this.tab === 'inboxes' ? this.renderInboxes() : this.renderCanned()}
      </section>`;
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
