// Automation rules for admins: a list in the order rules run, and a form that builds a rule's conditions (all or any
// of field/op/value rows) and actions. Rules with nested groups are edited as JSON.
import { html } from 'lit';
import { api } from './api.js';
import { AdminElement } from './admin-element.js';

const TRIGGERS = ['conversation_created', 'message_created', 'tag_added'];
const FIELDS = ['text', 'language', 'channel', 'inbox', 'public', 'sentiment', 'business_hours', 'tag', 'tag_added',
  'priority', 'team', 'status'];
const OPS = ['equals', 'not_equals', 'contains', 'not_contains', 'matches', 'in'];
const ACTIONS = ['add_tag', 'remove_tag', 'set_priority', 'raise_priority', 'assign_team', 'assign_agent', 'auto_reply',
  'snooze', 'resolve', 'mark_spam'];
const WITHOUT_VALUE = new Set(['resolve', 'mark_spam']);

const isLeaf = (c) => c && c.field;
const values = (c) => (Array.isArray(c.value) ? c.value : [c.value]);

/** A condition in words: text contains "refund" AND (…). */
export function describe(condition) {
  if (!condition) {
    return 'always';
  }
  if (isLeaf(condition)) {
    return `${condition.field} ${condition.op.replaceAll('_', ' ')} ${values(condition).map((v) => `"${v}"`).join(', ')}`;
  }
  const group = condition.all ? 'all' : 'any';
  const parts = condition[group] || [];
  if (!parts.length) {
    return 'always';
  }
  return parts.map((c) => (isLeaf(c) ? describe(c) : `(${describe(c)})`)).join(group === 'all' ? ' AND ' : ' OR ');
}

/** The form's draft of a rule; rules the form cannot show as rows keep their conditions as JSON. */
function draftOf(rule) {
  const draft = {
    id: rule?.id ?? null,
    name: rule?.name ?? '',
    position: rule?.position ?? 100,
    triggers: new Set(rule?.triggers ?? ['message_created']),
    enabled: rule?.enabled ?? true,
    match: 'all',
    rows: [{ field: 'text', op: 'contains', value: '' }],
    actions: (rule?.actions ?? [{ type: 'add_tag', value: '' }]).map((a) => ({ type: a.type, value: a.value ?? '' })),
    json: null,
  };
  const c = rule?.conditions;
  if (!c) {
    return draft;
  }
  const group = c.all ? 'all' : c.any ? 'any' : null;
  const leaves = isLeaf(c) ? [c] : group ? c[group] : [];
  if (leaves.every(isLeaf)) {
    draft.match = group ?? 'all';
    draft.rows = leaves.map((l) => ({ field: l.field, op: l.op, value: values(l).join(', ') }));
  } else {
    draft.json = JSON.stringify(c, null, 2);
  }
  return draft;
}

function ruleOf(draft) {
  let conditions;
  if (draft.json !== null) {
    conditions = JSON.parse(draft.json);
  } else {
    const rows = draft.rows.filter((r) => r.value.trim() !== '');
    conditions = {
      [draft.match]: rows.map((r) => ({
        field: r.field.trim(),
        op: r.op,
        value: r.op === 'in' || r.op.includes('contains') ? r.value.split(',').map((v) => v.trim()).filter(Boolean) : [r.value.trim()],
      })),
    };
  }
  return {
    name: draft.name.trim(),
    position: Number(draft.position),
    triggers: [...draft.triggers],
    conditions,
    actions: draft.actions.map((a) => (WITHOUT_VALUE.has(a.type) ? { type: a.type } : { type: a.type, value: a.value })),
    enabled: draft.enabled,
  };
}

class AdminRules extends AdminElement {
  static properties = {
    rules: { state: true },
    draft: { state: true },
  };

  constructor() {
    super();
    this.rules = [];
    this.draft = null;
  }

  async load() {
    this.rules = await api('/api/admin/rules');
  }

  async save(e) {
    e.preventDefault();
    const { id } = this.draft;
    const saved = await this.change(() => {
      const rule = ruleOf(this.draft);
      return id
        ? api(`/api/admin/rules/${id}`, { method: 'PUT', body: rule })
        : api('/api/admin/rules', { method: 'POST', body: rule });
    }, `Rule "${this.draft.name.trim()}" saved.`);
    if (saved) {
      this.draft = null;
    }
  }

  toggle(rule) {
    return this.change(() => api(`/api/admin/rules/${rule.id}`, { method: 'PUT', body: { ...rule, enabled: !rule.enabled } }),
      `Rule "${rule.name}" ${rule.enabled ? 'disabled' : 'enabled'}.`);
  }

  remove(rule) {
    return this.change(() => api(`/api/admin/rules/${rule.id}`, { method: 'DELETE' }), `Rule "${rule.name}" deleted.`);
  }

  /** Changes the draft and renders it again. */
  edit(change) {
    change(this.draft);
    this.draft = { ...this.draft };
  }

  render() {
    return html`
      ${this.renderMessages()}
      <table class="rules">
        <thead><tr><th scope="col">#</th><th scope="col">Rule</th><th scope="col">When</th><th scope="col">If</th>
          <th scope="col">Then</th><th scope="col">On</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${this.rules.map((r) => html`<tr data-rule=${r.name}>
          <td>${r.position}</td><td>${r.name}</td><td>${r.triggers.join(', ')}</td><td>${describe(r.conditions)}</td>
          <td>${r.actions.map((a) => `${a.type}${a.value ? ` ${a.value}` : ''}`).join('; ')}</td>
          <td><input type="checkbox" .checked=${r.enabled !== false} @change=${() => this.toggle(r)} aria-label="${r.name} enabled"></td>
          <td><button @click=${() => { this.draft = draftOf(r); }}>Edit</button>
            <button @click=${() => this.remove(r)} aria-label="Delete ${r.name}">Delete</button></td></tr>`)}</tbody>
      </table>
      ${this.draft ? this.renderForm() : html`<button class="primary new-rule" @click=${() => { this.draft = draftOf(null); }}>New rule</button>`}`;
  }

  renderForm() {
    const d = this.draft;
    return html`<form class="rule-form stacked" @submit=${(e) => this.save(e)} aria-label="Rule">
      <h3>${d.id ? `Edit ${d.name}` : 'New rule'}</h3>
      <label>Name <input name="name" required .value=${d.name} @input=${(e) => this.edit((x) => { x.name = e.target.value; })}></label>
      <label>Position <input name="position" type="number" .value=${String(d.position)} @input=${(e) => this.edit((x) => { x.position = e.target.value; })}></label>
      <fieldset><legend>When</legend>${TRIGGERS.map((t) => html`<label class="check"><input type="checkbox" .checked=${d.triggers.has(t)}
        @change=${(e) => this.edit((x) => { if (e.target.checked) x.triggers.add(t); else x.triggers.delete(t); })}> ${t.replaceAll('_', ' ')}</label>`)}</fieldset>
      <fieldset><legend>If</legend>${d.json !== null
        ? html`<label>Conditions (JSON) <textarea name="conditions" rows="6" .value=${d.json} @input=${(e) => this.edit((x) => { x.json = e.target.value; })}></textarea></label>`
        : html`<label>Match <select name="match" .value=${d.match} @change=${(e) => this.edit((x) => { x.match = e.target.value; })}>
            <option value="all">all of these</option><option value="any">any of these</option></select></label>
          ${d.rows.map((row, i) => html`<div class="rule-row">
            <label>Field <input list="rule-fields" name="field" .value=${row.field} @input=${(e) => this.edit((x) => { x.rows[i].field = e.target.value; })}></label>
            <label>Op <select name="op" @change=${(e) => this.edit((x) => { x.rows[i].op = e.target.value; })}>
              ${OPS.map((o) => html`<option value=${o} ?selected=${o === row.op}>${o.replaceAll('_', ' ')}</option>`)}</select></label>
            <label>Value <input name="value" .value=${row.value} @input=${(e) => this.edit((x) => { x.rows[i].value = e.target.value; })}></label>
            <button type="button" @click=${() => this.edit((x) => { x.rows.splice(i, 1); })} aria-label="Remove condition ${i + 1}">×</button>
          </div>`)}
          <datalist id="rule-fields">${FIELDS.map((f) => html`<option value=${f}></option>`)}<option value="contact.vip"></option></datalist>
          <button type="button" @click=${() => this.edit((x) => { x.rows.push({ field: 'text', op: 'contains', value: '' }); })}>Add condition</button>`}
      </fieldset>
      <fieldset><legend>Then</legend>
        ${d.actions.map((a, i) => html`<div class="rule-row">
          <label>Action <select name="action" @change=${(e) => this.edit((x) => { x.actions[i].type = e.target.value; })}>
            ${ACTIONS.map((t) => html`<option value=${t} ?selected=${t === a.type}>${t.replaceAll('_', ' ')}</option>`)}</select></label>
          ${WITHOUT_VALUE.has(a.type) ? '' : html`<label>Value <input name="actionValue" .value=${a.value}
            @input=${(e) => this.edit((x) => { x.actions[i].value = e.target.value; })}></label>`}
          <button type="button" @click=${() => this.edit((x) => { x.actions.splice(i, 1); })} aria-label="Remove action ${i + 1}">×</button>
        </div>`)}
        <button type="button" @click=${() => this.edit((x) => { x.actions.push({ type: 'add_tag', value: '' }); })}>Add action</button>
      </fieldset>
      <label class="check"><input type="checkbox" .checked=${d.enabled} @change=${(e) => this.edit((x) => { x.enabled = e.target.checked; })}> Enabled</label>
      <div><button type="submit" class="primary">Save rule</button> <button type="button" @click=${() => { this.draft = null; }}>Cancel</button></div>
    </form>`;
  }
}

customElements.define('admin-rules', AdminRules);
