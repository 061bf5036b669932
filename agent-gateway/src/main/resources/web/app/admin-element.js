// What every admin screen shares: light DOM (the app's style sheet applies), an error and a notice, and changes that
// say what they did and read the screen's data again.
import { LitElement, html } from 'lit';

export class AdminElement extends LitElement {
  static properties = {
    error: { state: true },
    notice: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.reload();
  }

  /** Reads the screen's data (subclasses' load()); a failure is shown, not thrown. */
  async reload() {
    try {
      await this.load();
      this.error = null;
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Runs a change; on success shows the notice and reads the data again, on failure shows why. @return success */
  async change(work, notice) {
    try {
      await work();
    } catch (e) {
      this.error = e.message;
      this.notice = null;
      return false;
    }
    this.notice = notice;
    await this.reload();
    return true;
  }

  renderMessages() {
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : ''}`;
  }
}
