import type { ConnectionReport } from '../../../core/server-api';
import type { SettingsView, TimeFormat } from '../../../core/settings';
import { busy, byId, showStatus } from '../../dom';
import { callServer, errorMessage } from '../../rpc';

const form = byId<HTMLFormElement>('settings');
const apiKey = byId<HTMLInputElement>('apiKey');
const timeFormat = byId<HTMLSelectElement>('timeFormat');
const apiVersion = byId<HTMLInputElement>('apiVersion');
const status = byId('status');
const results = byId<HTMLTableElement>('results');
const buttons = ['save', 'test', 'clearKey'].map((id) => byId<HTMLButtonElement>(id));

function show(view: SettingsView): void {
  apiKey.value = '';
  apiKey.placeholder = view.hasKey ? view.keyHint : 'sk_live_…';
  timeFormat.value = view.timeFormat;
  apiVersion.value = view.apiVersion;
}

function showReport(report: ConnectionReport): void {
  const body = results.tBodies[0] as HTMLTableSectionElement;
  body.replaceChildren(
    ...report.lines.map((line) => {
      const row = document.createElement('tr');
      for (const text of [
        line.operation,
        line.ok ? 'OK' : line.message,
        String(line.records),
        String(line.ms),
      ]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  results.hidden = false;
}

async function run(label: string, work: () => Promise<void>): Promise<void> {
  showStatus(status, `${label}…`);
  try {
    await busy(buttons, work);
  } catch (error) {
    showStatus(status, errorMessage(error), 'error');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run('Saving', async () => {
    const typed = apiKey.value.trim();
    show(
      await callServer('saveSettings', {
        ...(typed ? { apiKey: typed } : {}),
        timeFormat: timeFormat.value as TimeFormat,
        apiVersion: apiVersion.value.trim(),
      }),
    );
    showStatus(status, 'Saved.', 'ok');
  });
});

byId('test').addEventListener('click', () => {
  void run('Testing the connection', async () => {
    const report = await callServer('testConnection');
    showReport(report);
    showStatus(
      status,
      report.ok ? 'Connected to Assembled.' : 'Some checks failed: see below.',
      report.ok ? 'ok' : 'error',
    );
  });
});

byId('clearKey').addEventListener('click', () => {
  void run('Removing the key', async () => {
    show(await callServer('clearApiKey'));
    showStatus(status, 'The API key was removed.', 'ok');
  });
});

void run('Loading', async () => {
  show(await callServer('getSettings'));
  showStatus(status, '');
});
