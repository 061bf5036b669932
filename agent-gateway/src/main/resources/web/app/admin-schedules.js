// Business hours and SLA policies for admins; teams refer to them by id (see admin-teams.js).
import { html } from 'lit';
import { api } from './api.js';
import { AdminElement } from './admin-element.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const split = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
const minutes = (value) => (value === '' ? null : Number(value));

/** A list of items with an edit form, saved by PUT to its id; the subclass renders the rows and the form. */
class AdminCatalog extends AdminElement {
  static properties = {
    items: { state: true },
    editing: { state: true },
  };

  constructor(path, noun) {
    super();
    this.path = path;
    this.noun = noun;
    this.items = [];
    this.editing = null;
  }

  async load() {
    this.items = await api(this.path);
  }

  async save(e, bodyOf) {
    e.preventDefault();
    const form = e.target;
    const id = form.itemId.value.trim();
    if (await this.change(() => api(`${this.path}/${encodeURIComponent(id)}`, { method: 'PUT', body: bodyOf(form) }),
      `${this.noun} ${id} saved.`)) {
      this.editing = null;
    }
  }

  render() {
    return html`
      ${this.renderMessages()}
      ${this.renderList()}
      ${this.editing ? this.renderForm(this.editing) : html`<button class="primary" @click=${() => { this.editing = {}; }}>New ${this.noun.toLowerCase()}</button>`}`;
  }
}

class AdminBusinessHours extends AdminCatalog {
  constructor() {
    super('/api/admin/business-hours', 'Business hours');
  }

  renderList() {
    return html`<table>
      <thead><tr><th scope="col">Id</th><th scope="col">Time zone</th><th scope="col">Week</th><th scope="col">Holidays</th>
        <th scope="col">Away message</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${this.items.map((h) => html`<tr data-hours=${h.id}><td>${h.id}</td><td>${h.timeZone}</td>
        <td>${DAYS.filter((d) => h.weekly?.[d]?.length).map((d) => `${d.slice(0, 3)} ${h.weekly[d].join(', ')}`).join('; ') || 'closed'}</td>
        <td>${(h.holidays || []).join(', ')}</td><td>${h.awayMessage ?? ''}</td>
        <td><button @click=${() => { this.editing = h; }} aria-label="Edit ${h.id}">Edit</button></td></tr>`)}</tbody>
    </table>`;
  }

  renderForm(h) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return html`<form class="stacked hours-form" @submit=${(e) => this.save(e, (f) => ({
      timeZone: f.timeZone.value.trim(),
      weekly: Object.fromEntries(DAYS.map((d) => [d, split(f[d].value)]).filter(([, v]) => v.length)),
      holidays: split(f.holidays.value),
      awayMessage: f.away.value.trim() || null,
    }))}>
      <h3>${h.id ? `Edit ${h.id}` : 'New business hours'}</h3>
      <label>Id <input name="itemId" required pattern="[a-z0-9][a-z0-9-]*" .value=${h.id ?? ''} ?readonly=${!!h.id}></label>
      <label>Time zone <input name="timeZone" required list="time-zones" .value=${h.timeZone ?? ''} placeholder="Europe/Madrid"></label>
      <datalist id="time-zones">${zones.map((z) => html`<option value=${z}></option>`)}</datalist>
      <fieldset><legend>Open (e.g. 09:00-13:00, 14:00-18:00)</legend>${DAYS.map((d) => html`<label>${d}
        <input name=${d} .value=${(h.weekly?.[d] || []).join(', ')}></label>`)}</fieldset>
      <label>Holidays (dates, comma-separated) <input name="holidays" .value=${(h.holidays || []).join(', ')} placeholder="2026-12-25"></label>
      <label>Away message <textarea name="away" rows="2" .value=${h.awayMessage ?? ''}></textarea></label>
      <div><button type="submit" class="primary">Save</button> <button type="button" @click=${() => { this.editing = null; }}>Cancel</button></div>
    </form>`;
  }
}

class AdminSlaPolicies extends AdminCatalog {
  constructor() {
    super('/api/admin/sla-policies', 'SLA policy');
  }

  renderList() {
    const m = (v) => (v == null ? '—' : `${v} min`);
    return html`<table>
      <thead><tr><th scope="col">Id</th><th scope="col">First response</th><th scope="col">Next response</th>
        <th scope="col">Resolution</th><th scope="col">Clock</th><th scope="col">Escalation</th>
        <th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${this.items.map((p) => html`<tr data-sla=${p.id}><td>${p.id}</td><td>${m(p.firstResponseMinutes)}</td>
        <td>${m(p.nextResponseMinutes)}</td><td>${m(p.resolutionMinutes)}</td><td>${p.businessHours ? 'business hours' : 'around the clock'}</td>
        <td>${p.unansweredMinutes ? `after ${p.unansweredMinutes} min to ${p.escalationTeam ?? '—'}` : '—'}</td>
        <td><button @click=${() => { this.editing = p; }} aria-label="Edit ${p.id}">Edit</button></td></tr>`)}</tbody>
    </table>`;
  }

  renderForm(p) {
    return html`<form class="stacked sla-form" @submit=${(e) => this.save(e, (f) => ({
      firstResponseMinutes: minutes(f.first.value),
      nextResponseMinutes: minutes(f.next.value),
      resolutionMinutes: minutes(f.resolution.value),
      businessHours: f.businessHours.checked,
      unansweredMinutes: minutes(f.unanswered.value),
      escalationTeam: f.escalation.value.trim() || null,
    }))}>
      <h3>${p.id ? `Edit ${p.id}` : 'New SLA policy'}</h3>
      <label>Id <input name="itemId" required pattern="[a-z0-9][a-z0-9-]*" .value=${p.id ?? ''} ?readonly=${!!p.id}></label>
      <label>First response (minutes) <input name="first" type="number" min="1" .value=${p.firstResponseMinutes ?? ''}></label>
      <label>Next response (minutes) <input name="next" type="number" min="1" .value=${p.nextResponseMinutes ?? ''}></label>
      <label>Resolution (minutes) <input name="resolution" type="number" min="1" .value=${p.resolutionMinutes ?? ''}></label>
      <label class="check"><input name="businessHours" type="checkbox" .checked=${!!p.businessHours}> Count business hours only</label>
      <label>Escalate unanswered after (minutes) <input name="unanswered" type="number" min="1" .value=${p.unansweredMinutes ?? ''}></label>
      <label>Escalation team <input name="escalation" .value=${p.escalationTeam ?? ''}></label>
      <div><button type="submit" class="primary">Save</button> <button type="button" @click=${() => { this.editing = null; }}>Cancel</button></div>
    </form>`;
  }
}

customElements.define('admin-business-hours', AdminBusinessHours);
customElements.define('admin-sla-policies', AdminSlaPolicies);
