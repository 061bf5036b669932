// Supervisors' view: each team right now (metrics-service's live view), the last 14 days' main figures as charts, and
// the reports by range, grouping and bucket, shown as a table or downloaded as CSV.
import { LitElement, html, svg } from 'lit';
import { api, withQuery } from './api.js';

function day(offset) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

function bars(label, rows, value, format) {
  const values = rows.map(value).map((v) => (v == null ? 0 : v));
  const max = Math.max(1, ...values);
  const width = 28;
  return html`
    <figure class="chart">
      <figcaption>${label}</figcaption>
      <svg viewBox="0 0 ${rows.length * width} 110" role="img" aria-label=${label}>
        ${rows.map((row, i) => svg`
          <g>
            <rect x=${i * width + 4} y=${100 - (values[i] / max) * 90} width=${width - 8} height=${(values[i] / max) * 90}></rect>
            <title>${row.bucket}: ${format(values[i])}</title>
          </g>`)}
        <line x1="0" y1="100" x2=${rows.length * width} y2="100"></line>
      </svg>
    </figure>`;
}

const REPORTS = ['conversations', 'csat', 'sla', 'events'];
const GROUPS = ['none', 'inbox', 'channel', 'team', 'agent', 'tag', 'priority'];
const BUCKETS = ['none', 'hour', 'day', 'week', 'month'];

/** A report row's figures as columns: nested figures (a timing's median, p90…) become "firstResponse.median". */
function flatten(row, prefix = '', into = {}) {
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value, name, into);
    } else {
      into[name] = value;
    }
  }
  return into;
}

function cell(value) {
  if (value == null) return '—';
  return typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : String(value);
}

class SupervisorDashboard extends LitElement {
  static properties = {
    live: { state: true },
    conversations: { state: true },
    csat: { state: true },
    sla: { state: true },
    report: { state: true },
    reportError: { state: true },
    error: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    // metrics-service counts an event a moment after the app hears of it: look again every few seconds too.
    this.timer = setInterval(() => this.load(), 5000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  /** A conversation event came in: the live figures are refreshed, at most once a second. */
  changed() {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.load();
    }, 1000);
  }

  async load() {
    const range = { from: day(-13), to: day(1), bucket: 'day', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    try {
      const [live, conversations, csat, sla] = await Promise.all([
        api('/api/reports/live'),
        api(withQuery('/api/reports/conversations', range)),
        api(withQuery('/api/reports/csat', range)),
        api(withQuery('/api/reports/sla', range)),
      ]);
      this.live = live;
      this.conversations = conversations;
      this.csat = csat;
      this.sla = sla;
      this.error = null;
    } catch (e) {
      this.error = e.message;
    }
  }

  reportQuery(form) {
    const query = {
      from: form.from.value,
      to: form.to.value,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    if (form.report.value !== 'events') {
      query.groupBy = form.groupBy.value;
      query.bucket = form.bucket.value;
    }
    return withQuery(`/api/reports/${form.report.value}`, query);
  }

  async showReport(e) {
    e.preventDefault();
    const form = e.target.form || e.target;
    if (form.report.value === 'events') {
      return this.downloadReport(form);
    }
    try {
      const answer = await api(this.reportQuery(form));
      this.report = { name: form.report.value, rows: (answer.rows || []).map((r) => flatten(r)) };
      this.reportError = null;
    } catch (err) {
      this.reportError = err.message;
    }
    return null;
  }

  async downloadReport(form) {
    try {
      const csv = await api(this.reportQuery(form), { accept: 'text/csv', raw: true });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = `parley-${form.report.value}-${form.from.value}-${form.to.value}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
      this.reportError = null;
    } catch (err) {
      this.reportError = err.message;
    }
  }

  renderReports() {
    const columns = this.report && this.report.rows.length ? Object.keys(this.report.rows[0]) : [];
    return html`
      <h2>Reports</h2>
      <form class="inline-form report-form" @submit=${(e) => this.showReport(e)}>
        <label>Report <select name="report">${REPORTS.map((r) => html`<option value=${r}>${r}</option>`)}</select></label>
        <label>From <input name="from" type="date" required .value=${day(-29)}></label>
        <label>To (exclusive) <input name="to" type="date" required .value=${day(1)}></label>
        <label>Group by <select name="groupBy">${GROUPS.map((g) => html`<option value=${g}>${g}</option>`)}</select></label>
        <label>Bucket <select name="bucket">${BUCKETS.map((b) => html`<option value=${b} ?selected=${b === 'day'}>${b}</option>`)}</select></label>
        <button type="submit" class="primary">Show</button>
        <button type="button" @click=${(e) => this.downloadReport(e.target.form)}>Download CSV</button>
      </form>
      ${this.reportError ? html`<p class="error" role="alert">${this.reportError}</p>` : ''}
      ${this.report ? html`
        <div class="report-table"><table data-testid="report" aria-label="Report ${this.report.name}">
          <thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>${this.report.rows.map((r) => html`<tr>${columns.map((c) => html`<td>${cell(r[c])}</td>`)}</tr>`)}</tbody>
        </table></div>
        ${this.report.rows.length ? '' : html`<p class="muted">No figures in this range.</p>`}` : ''}`;
  }

  render() {
    if (this.error) return html`<section class="dashboard"><p class="error" role="alert">${this.error}</p></section>`;
    if (!this.live) return html`<section class="dashboard"><p class="muted">Loading…</p></section>`;
    const rows = (this.conversations && this.conversations.rows) || [];
    const slaByDay = {};
    for (const row of (this.sla && this.sla.rows) || []) {
      const d = slaByDay[row.bucket] || (slaByDay[row.bucket] = { bucket: row.bucket, met: 0, breached: 0 });
      d.met += row.met;
      d.breached += row.breached;
    }
    const slaRows = Object.values(slaByDay).sort((a, b) => a.bucket.localeCompare(b.bucket));
    return html`
      <section class="dashboard" aria-label="Dashboard">
        <h2>Right now</h2>
        <table class="live" data-testid="live">
          <thead><tr><th scope="col">Team</th><th scope="col">Open</th><th scope="col">Unassigned</th><th scope="col">Unattended</th>
            <th scope="col">In queue</th><th scope="col">Longest wait</th><th scope="col">Online</th><th scope="col">Away</th></tr></thead>
          <tbody>
            ${this.live.teams.map((t) => html`<tr data-team=${t.team}>
              <th scope="row">${t.team}</th><td data-figure="open">${t.open}</td><td>${t.unassigned}</td><td>${t.unattended}</td>
              <td>${t.waitingInQueue}</td><td>${t.oldestWaitingSeconds == null ? '—' : `${Math.round(t.oldestWaitingSeconds / 60)} min`}</td>
              <td>${t.agentsOnline}</td><td>${t.agentsAway}</td></tr>`)}
          </tbody>
        </table>
        <h2>Last 14 days</h2>
        <div class="charts">
          ${bars('Conversations opened', rows, (r) => r.opened, (v) => `${v}`)}
          ${bars('First response, median (min)', rows, (r) => r.firstResponse && r.firstResponse.median && r.firstResponse.median / 60, (v) => `${v.toFixed(1)} min`)}
          ${bars('Resolution, median (h)', rows, (r) => r.resolution && r.resolution.median && r.resolution.median / 3600, (v) => `${v.toFixed(1)} h`)}
          ${bars('CSAT score (%)', (this.csat && this.csat.rows) || [], (r) => r.csat && r.csat.score, (v) => `${v.toFixed(0)} %`)}
          ${bars('SLA attainment (%)', slaRows, (r) => (r.met + r.breached ? (r.met * 100) / (r.met + r.breached) : null), (v) => `${v.toFixed(0)} %`)}
        </div>
        ${this.renderReports()}
      </section>`;
  }
}

customElements.define('supervisor-dashboard', SupervisorDashboard);
