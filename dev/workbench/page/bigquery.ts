// The BigQuery explorer beside the sheets: the fake project's datasets and tables (schema, rows,
// size, partitioning, clustering) and a query box that runs standard SQL as the console does.
// Opened from the BigQuery button in the top bar; it follows the workbench's version, so a load
// shows as soon as its job is DONE. Everything from the server goes in as text.

import { countText } from '../../../src/core/count-text';
import type { BigQueryExplorerView, BigQueryQueryReply, BigQueryTableView } from '../bigquery-wire';
import { getJson, post } from './api';
import { el } from './dom';

function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let unit = 'B';
  for (const u of units) {
    if (n < 1000) break;
    n /= 1000;
    unit = u;
  }
  return `${n.toFixed(n < 10 ? 1 : 0)} ${unit}`;
}

const count = (n: number, one: string) => `${countText(n)} ${one}${n === 1 ? '' : 's'}`;

const keyOf = (t: BigQueryTableView) => `${t.datasetId}.${t.tableId}`;

export class BigQueryExplorer {
  private readonly toggle: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly tree: HTMLElement;
  private readonly details: HTMLElement;
  private readonly title = el('h2', { id: 'bqTitle', tabindex: '-1' }, 'BigQuery');
  private readonly sql: HTMLTextAreaElement;
  private readonly status: HTMLElement;
  private readonly error: HTMLElement;
  private readonly results: HTMLTableElement;
  private view: BigQueryExplorerView | null = null;
  private shownJson = '';
  private selected = '';
  private version = '';
  private loading: Promise<void> | null = null;

  constructor(tools: HTMLElement, body: HTMLElement, before: HTMLElement | null) {
    this.toggle = el(
      'button',
      { type: 'button', id: 'bqToggle', 'aria-expanded': 'false', 'aria-controls': 'bqPanel' },
      'BigQuery',
    );
    tools.insertBefore(this.toggle, tools.querySelector('#download'));
    this.tree = el('nav', { id: 'bqTree', class: 'bq-tree', 'aria-label': 'Datasets and tables' });
    this.details = el('div', { id: 'bqDetails', class: 'bq-details' });
    this.sql = el('textarea', {
      id: 'bqSql',
      rows: '5',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': 'bqSqlHint',
    });
    this.status = el('p', { id: 'bqStatus', class: 'bq-status', role: 'status' });
    this.error = el('p', { id: 'bqError', class: 'bq-error', role: 'alert' });
    this.error.hidden = true;
    this.results = el('table', { id: 'bqResults', class: 'bq-results', 'aria-label': 'Query results' });
    const close = el('button', { type: 'button', id: 'bqClose', 'aria-label': 'Close BigQuery' }, '×');
    const form = el(
      'form',
      { id: 'bqQuery', class: 'bq-query', 'aria-labelledby': 'bqQueryTitle' },
      el('h3', { id: 'bqQueryTitle' }, 'Query'),
      el('label', { for: 'bqSql' }, 'Standard SQL'),
      this.sql,
      el(
        'p',
        { id: 'bqSqlHint', class: 'hint' },
        'Ctrl+Enter runs it. Name tables dataset.table or project.dataset.table.',
      ),
      el('button', { type: 'submit', id: 'bqRun' }, 'Run'),
    );
    this.panel = el(
      'section',
      { id: 'bqPanel', class: 'bq', 'aria-labelledby': 'bqTitle' },
      el('header', {}, this.title, close),
      el(
        'div',
        { class: 'bq-body' },
        this.tree,
        this.details,
        form,
        this.status,
        this.error,
        el('div', { class: 'bq-table-wrap' }, this.results),
      ),
    );
    this.panel.hidden = true;
    body.insertBefore(this.panel, before);

    this.toggle.addEventListener('click', () => this.show(this.panel.hidden));
    close.addEventListener('click', () => this.show(false));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.show(false);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.sql.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run();
      }
    });
  }

  private show(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (!open) {
      this.toggle.focus();
      return;
    }
    void this.load().then(() => {
      (this.tree.querySelector<HTMLElement>('button') ?? this.sql).focus();
    });
  }

  /** Called with each workbench state: a changed version (a load, say) refreshes an open panel. */
  update(version: string): void {
    if (version === this.version) return;
    this.version = version;
    if (!this.panel.hidden) void this.load();
  }

  private load(): Promise<void> {
    this.loading ??= getJson<BigQueryExplorerView>('/api/bigquery')
      .then((view) => this.render(view))
      .catch((error: unknown) => {
        this.tree.replaceChildren(el('p', { class: 'bq-error' }, `BigQuery not reachable: ${String(error)}`));
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private tables(): BigQueryTableView[] {
    return this.view?.datasets.flatMap((d) => d.tables) ?? [];
  }

  private render(view: BigQueryExplorerView): void {
    const json = JSON.stringify(view);
    if (json === this.shownJson) return;
    this.shownJson = json;
    this.view = view;
    const focused = (document.activeElement as HTMLElement | null)?.dataset.table;
    this.title.textContent = `BigQuery: ${view.project}`;
    if (!this.tables().some((t) => keyOf(t) === this.selected)) this.selected = '';
    if (view.datasets.length === 0) {
      this.tree.replaceChildren(
        el(
          'p',
          { class: 'hint' },
          `No datasets in ${view.project} yet. Pull data with Where: BigQuery table, and the table shows here.`,
        ),
      );
    } else {
      this.tree.replaceChildren(
        ...view.datasets.map((d) =>
          el(
            'div',
            { class: 'bq-dataset' },
            el('h3', {}, d.datasetId),
            d.tables.length
              ? el(
                  'ul',
                  { 'aria-label': `Tables in ${d.datasetId}` },
                  ...d.tables.map((t) => el('li', {}, this.tableButton(t))),
                )
              : el('p', { class: 'hint' }, 'No tables'),
          ),
        ),
      );
    }
    if (focused) this.tree.querySelector<HTMLElement>(`[data-table="${CSS.escape(focused)}"]`)?.focus();
    this.renderDetails();
  }

  private tableButton(t: BigQueryTableView): HTMLButtonElement {
    const key = keyOf(t);
    const button = el(
      'button',
      { type: 'button', class: 'bq-table', 'data-table': key, 'aria-pressed': String(key === this.selected) },
      t.tableId,
      el('span', { class: 'muted' }, ` ${count(t.numRows, 'row')}`),
    );
    button.addEventListener('click', () => {
      this.selected = key;
      for (const b of this.tree.querySelectorAll('[data-table]'))
        b.setAttribute('aria-pressed', String(b.getAttribute('data-table') === key));
      this.renderDetails();
    });
    return button;
  }

  private renderDetails(): void {
    const t = this.tables().find((x) => keyOf(x) === this.selected);
    if (!t || !this.view) {
      this.details.replaceChildren();
      return;
    }
    const path = `${this.view.project}.${t.datasetId}.${t.tableId}`;
    const query = el('button', { type: 'button', id: 'bqQueryTable' }, 'Query this table');
    query.addEventListener('click', () => {
      this.sql.value = `SELECT * FROM \`${path}\` LIMIT 100`;
      this.sql.focus();
    });
    const facts: [string, string][] = [
      ['Table ID', path],
      ['Rows', countText(t.numRows)],
      ['Size', size(t.numBytes)],
      ['Partitioned by', t.partitioning || 'Not partitioned'],
      ['Clustered by', t.clustering.join(', ') || 'Not clustered'],
      ['Last modified', t.modified],
    ];
    this.details.replaceChildren(
      el('h3', { id: 'bqDetailsTitle' }, t.tableId),
      el('dl', { class: 'bq-facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el(
        'table',
        { class: 'bq-schema', 'aria-label': `Schema of ${t.tableId}` },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...['Field name', 'Type', 'Mode', 'Description'].map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el(
          'tbody',
          {},
          ...t.fields.map((f) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, f.name),
              el('td', {}, f.type),
              el('td', {}, f.mode),
              el('td', {}, f.description),
            ),
          ),
        ),
      ),
      query,
    );
  }

  private async run(): Promise<void> {
    this.status.textContent = 'Running…';
    this.error.hidden = true;
    let reply: BigQueryQueryReply;
    try {
      reply = await post<BigQueryQueryReply>('/api/bigquery/query', { sql: this.sql.value });
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (!reply.ok) {
      this.status.textContent = 'Query failed';
      this.error.textContent = reply.message;
      this.error.hidden = false;
      this.results.replaceChildren();
      this.status.scrollIntoView({ block: 'start' });
      return;
    }
    const shown = reply.rows.length < reply.totalRows ? `, the first ${reply.rows.length} shown` : '';
    this.status.textContent =
      reply.affectedRows !== undefined
        ? `This statement modified ${count(reply.affectedRows, 'row')}. ${size(reply.bytesProcessed)} processed.`
        : `${count(reply.totalRows, 'row')}${shown}. ${size(reply.bytesProcessed)} processed.`;
    this.results.replaceChildren(
      el(
        'thead',
        {},
        el('tr', {}, ...reply.fields.map((f) => el('th', { scope: 'col', title: f.type }, f.name))),
      ),
      el('tbody', {}, ...reply.rows.map((row) => el('tr', {}, ...row.map((v) => el('td', {}, v))))),
    );
    // A DML statement changes tables: show them as they now are.
    this.shownJson = '';
    await this.load();
    this.status.scrollIntoView({ block: 'start' });
  }
}
