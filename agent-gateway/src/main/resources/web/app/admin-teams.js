// Teams for admins: members with their skills and capacity (membership is written to Keycloak's group, which is also
// the agents' teams claim), the assignment policy, and the business hours, overnight team and SLA policy.
import { html } from 'lit';
import { api } from './api.js';
import { AdminElement } from './admin-element.js';

const path = (team) => `/api/admin/teams/${encodeURIComponent(team)}`;
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
const number = (value) => (value === '' ? null : Number(value));

class AdminTeams extends AdminElement {
  static properties = {
    teams: { state: true },
    hours: { state: true },
    policies: { state: true },
    selected: { state: true },
  };

  constructor() {
    super();
    this.teams = [];
    this.hours = [];
    this.policies = [];
  }

  async load() {
    const [teams, hours, policies] = await Promise.all([
      api('/api/admin/teams'), api('/api/admin/business-hours'), api('/api/admin/sla-policies')]);
    this.teams = teams;
    this.hours = hours;
    this.policies = policies;
    if (!this.selected && teams.length) {
      this.selected = teams[0].id;
    }
  }

  putMember(e, team) {
    e.preventDefault();
    const form = e.target;
    const agent = form.agent.value.trim();
    const body = { skills: list(form.skills.value), capacity: number(form.capacity.value) };
    return this.change(() => api(`${path(team)}/members/${encodeURIComponent(agent)}`, { method: 'PUT', body }),
      `${agent} saved in ${team}.`).then((done) => { if (done) form.reset(); });
  }

  removeMember(team, agent) {
    return this.change(() => api(`${path(team)}/members/${encodeURIComponent(agent)}`, { method: 'DELETE' }),
      `${agent} removed from ${team}.`);
  }

  savePolicy(e, team) {
    e.preventDefault();
    const f = e.target;
    const body = {
      strategy: f.strategy.value,
      capacity: number(f.capacity.value),
      skillsMatch: f.skillsMatch.checked,
      fairLimit: number(f.fairLimit.value),
      fairWindowMinutes: number(f.fairWindow.value),
    };
    return this.change(() => api(`${path(team)}/policy`, { method: 'PUT', body }), `Assignment policy of ${team} saved.`);
  }

  saveSettings(e, team) {
    e.preventDefault();
    const f = e.target;
    const body = {
      businessHoursId: f.hours.value || null,
      overnightTeam: f.overnight.value || null,
      slaPolicyId: f.sla.value || null,
    };
    return this.change(() => api(`${path(team)}/settings`, { method: 'PUT', body }), `Settings of ${team} saved.`);
  }

  addTeam(e) {
    e.preventDefault();
    const f = e.target;
    const team = f.team.value.trim();
    const agent = f.agent.value.trim();
    return this.change(() => api(`${path(team)}/members/${encodeURIComponent(agent)}`, { method: 'PUT', body: {} }),
      `Team ${team} created with ${agent}.`).then((done) => { if (done) this.selected = team; });
  }

  render() {
    const team = this.teams.find((t) => t.id === this.selected);
    return html`
      ${this.renderMessages()}
      <div class="admin-split">
        <nav aria-label="Teams"><ul class="plain">${this.teams.map((t) => html`<li>
          <button class="view ${t.id === this.selected ? 'current' : ''}" aria-current=${t.id === this.selected}
            @click=${() => { this.selected = t.id; }}>${t.id} <span class="count">${t.members.length}</span></button></li>`)}</ul>
          <form class="stacked" @submit=${(e) => this.addTeam(e)}>
            <h3>New team</h3>
            <label>Team id <input name="team" required pattern="[a-z0-9][a-z0-9-]*"></label>
            <label>First member <input name="agent" required></label>
            <button type="submit">Create</button>
          </form>
        </nav>
        ${team ? this.renderTeam(team) : html`<p class="muted">No teams yet.</p>`}
      </div>`;
  }

  renderTeam(team) {
    const p = team.policy;
    return html`<div class="team" data-team=${team.id}>
      <h3>Members of ${team.id}</h3>
      <table>
        <thead><tr><th scope="col">Agent</th><th scope="col">Availability</th><th scope="col">Skills</th>
          <th scope="col">Capacity</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${team.roster.map((m) => html`<tr data-member=${m.agent}><td>${m.agent}</td>
          <td><span class="dot ${m.availability}"></span>${m.availability}</td>
          <td>${m.skills.join(', ') || '—'}</td><td>${m.capacity ?? 'policy'}</td>
          <td><button @click=${() => this.removeMember(team.id, m.agent)} aria-label="Remove ${m.agent} from ${team.id}">Remove</button></td>
        </tr>`)}</tbody>
      </table>
      <form class="inline-form member-form" @submit=${(e) => this.putMember(e, team.id)}>
        <label>Agent <input name="agent" required></label>
        <label>Skills (comma-separated) <input name="skills" placeholder="spanish, billing"></label>
        <label>Capacity <input name="capacity" type="number" min="0" placeholder="policy"></label>
        <button type="submit">Add or update member</button>
      </form>
      <h3>Assignment policy</h3>
      <form class="inline-form policy-form" @submit=${(e) => this.savePolicy(e, team.id)}>
        <label>Strategy <select name="strategy" .value=${p.strategy}>
          <option value="round_robin">round robin</option><option value="least_loaded">least loaded</option></select></label>
        <label>Capacity per agent <input name="capacity" type="number" min="1" .value=${p.capacity ?? ''} placeholder="no limit"></label>
        <label><input name="skillsMatch" type="checkbox" .checked=${p.skillsMatch}> Skills must match</label>
        <label>Fair limit <input name="fairLimit" type="number" min="1" .value=${p.fairLimit ?? ''}></label>
        <label>per minutes <input name="fairWindow" type="number" min="1" .value=${p.fairWindowMinutes ?? ''}></label>
        <button type="submit">Save policy</button>
      </form>
      <h3>Hours and SLA</h3>
      <form class="inline-form team-settings" @submit=${(e) => this.saveSettings(e, team.id)}>
        <label>Business hours <select name="hours">
          <option value="">always open</option>${this.hours.map((h) => html`<option value=${h.id} ?selected=${h.id === team.businessHoursId}>${h.id}</option>`)}</select></label>
        <label>Overnight team <select name="overnight">
          <option value="">none</option>${this.teams.filter((t) => t.id !== team.id).map((t) => html`<option value=${t.id} ?selected=${t.id === team.overnightTeam}>${t.id}</option>`)}</select></label>
        <label>SLA policy <select name="sla">
          <option value="">none</option>${this.policies.map((s) => html`<option value=${s.id} ?selected=${s.id === team.slaPolicyId}>${s.id}</option>`)}</select></label>
        <button type="submit">Save settings</button>
      </form>
    </div>`;
  }
}

customElements.define('admin-teams', AdminTeams);
