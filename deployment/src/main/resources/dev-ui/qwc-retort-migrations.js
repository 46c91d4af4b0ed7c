import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';

/**
 * Retort's Migrations page: the default unit's differences between its database and its model, and a button
 * that writes their Flyway migration into src/main/resources/db/migration (RetortMigrationsJsonRpcService).
 */
export class QwcRetortMigrations extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        .page { padding: 1em; display: flex; flex-direction: column; gap: 1em; }
        pre { background: var(--lumo-contrast-5pct); padding: 1em; overflow: auto; }
        .row { display: flex; gap: 0.5em; align-items: center; }
    `;

    static properties = {
        _differences: { state: true },
        _result: { state: true },
        _description: { state: true },
    };

    constructor() {
        super();
        this._differences = null;
        this._result = null;
        this._description = '';
    }

    connectedCallback() {
        super.connectedCallback();
        this._load();
    }

    _load() {
        this.jsonRpc.differences().then(response => { this._differences = response.result; });
    }

    _write() {
        this.jsonRpc.writeMigration({ description: this._description }).then(response => {
            this._result = response.result;
            this._load();
        });
    }

    render() {
        if (this._differences === null) {
            return html`<div class="page">Comparing the database with the model...</div>`;
        }
        return html`<div class="page">
            ${this._differences.length === 0
                ? html`<div>The database matches the model of the default unit.</div>`
                : html`<div>The database differs from the model of the default unit:</div>
                       <ul>${this._differences.map(difference => html`<li>${difference}</li>`)}</ul>`}
            <div class="row">
                <label>Description <input .value=${this._description}
                    @input=${event => { this._description = event.target.value; }} placeholder="model_changes"></label>
                <button @click=${() => this._write()}>Write the migration into src/main/resources/db/migration</button>
            </div>
            ${this._result ? html`<div>${this._result.message}</div>
                ${this._result.script ? html`<pre>${this._result.script}</pre>` : ''}` : ''}
        </div>`;
    }
}
customElements.define('qwc-retort-migrations', QwcRetortMigrations);
