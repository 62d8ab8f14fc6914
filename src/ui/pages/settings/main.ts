import { failedCount } from '../../../core/assembled/check-words';
import { MENU_ITEMS, menuPath } from '../../../core/menu-names';
import type { ConnectionReport } from '../../../core/server-api';
import type { SettingsInput, SettingsView, TimeFormat } from '../../../core/settings';
import { askInPage, putAwayQuestion } from '../../ask-in-page';
import { busy, byId, el, markInvalid, showAnswer, showStatus } from '../../dom';
import { focusHeading } from '../../first-focus';
import { callServer, errorMessage } from '../../rpc';

const form = byId<HTMLFormElement>('settings');
const apiKey = byId<HTMLInputElement>('apiKey');
const timeFormat = byId<HTMLSelectElement>('timeFormat');
const apiVersion = byId<HTMLInputElement>('apiVersion');
const status = byId('status');
const results = byId('results');
const checks = byId('checks');
const requests = byId('details').querySelector('tbody') as HTMLTableSectionElement;
const clearKey = byId<HTMLButtonElement>('clearKey');
const buttons = [byId<HTMLButtonElement>('save'), byId<HTMLButtonElement>('test'), clearKey];

/** Whether the user has a key saved: with none, Save and Test connection need one typed. */
let hasKey = false;

function show(view: SettingsView): void {
  hasKey = view.hasKey;
  // With no key saved there is nothing to remove.
  clearKey.hidden = !view.hasKey;
  apiKey.value = '';
  apiKey.placeholder = view.hasKey ? view.keyHint : 'sk_live_…';
  timeFormat.value = view.timeFormat;
  apiVersion.value = view.apiVersion;
}

/** One line a check in words ("People: 100 read"); the raw requests behind a Details toggle. */
function showReport(report: ConnectionReport): string {
  // Checks not run (nothing to read) follow from others; when every check that ran failed the same
  // way (Assembled down), that is said once, with no list of checks that all failed (the requests
  // stay behind Details). A refused key stops the test (check.ts): the refusal, the last check
  // that ran, is said once, and one line says the rest were not tried.
  const errors = report.lines.filter((l) => !l.ok && !l.notRun);
  const shared =
    !!report.outage ||
    report.keyRefused ||
    (errors.length > 1 && errors.every((l) => l.summary === errors[0]?.summary));
  const notTried = report.keyRefused ? report.lines.filter((l) => l.notRun).length : 0;
  checks.replaceChildren(
    ...(shared ? [] : report.lines).map((line) =>
      el('li', { 'data-ok': line.notRun ? 'skipped' : String(line.ok) }, `${line.label}: ${line.summary}`),
    ),
    ...(notTried
      ? [
          el(
            'li',
            { 'data-ok': 'skipped' },
            `${notTried === 1 ? 'The other check was' : `The other ${notTried} checks were`} not tried: Assembled would refuse the key on each.`,
          ),
        ]
      : []),
  );
  requests.replaceChildren(
    ...report.lines.map((line) =>
      el(
        'tr',
        {},
        el('td', {}, line.operation),
        el('td', {}, line.status ? String(line.status) : '–'),
        el('td', {}, String(line.records)),
        el('td', {}, `${line.ms} ms`),
      ),
    ),
  );
  results.hidden = false;
  if (report.ok)
    return report.unsaved
      ? `Connected to Assembled with the settings above: all ${report.lines.length} checks passed. They are not saved yet: press Save to use them.`
      : `Connected to Assembled: all ${report.lines.length} checks passed.`;
  const failure =
    report.outage ??
    (shared
      ? (errors[errors.length - 1]?.summary ?? '')
      : `Of ${report.lines.length} checks, ${failedCount(report.lines)}: see below.`);
  return report.unsaved
    ? `${failure} (This tested the settings above; the saved ones are unchanged.)`
    : failure;
}

/** The settings as the form shows them: a key only when one is typed. */
function formInput(): SettingsInput {
  const typed = apiKey.value.trim();
  return {
    ...(typed ? { apiKey: typed } : {}),
    timeFormat: timeFormat.value as TimeFormat,
    apiVersion: apiVersion.value.trim(),
  };
}

/** Whatever was shown of an earlier test no longer holds once something else is done. */
function clearReport(): void {
  results.hidden = true;
  checks.replaceChildren();
  requests.replaceChildren();
}

/** Ties the key field to the status line while that says the key is wrong; false unties it. */
const keyWrong = (wrong: boolean) => markInvalid(apiKey, wrong ? status.id : undefined);

/**
 * Remove key's question is put away once anything else is done: left open beside "Saved." it
 * would be one click from removing the key just saved.
 */
const putAway = () => putAwayQuestion(document);
form.addEventListener('input', putAway);

async function run(label: string, work: () => Promise<void>): Promise<void> {
  putAway();
  showStatus(status, `${label}…`);
  clearReport();
  keyWrong(false);
  try {
    await busy(buttons, work);
  } catch (error) {
    const said = errorMessage(error);
    showAnswer(status, said, 'error');
    // A key Settings refuses as typed ("The API key should start with sk_live_…").
    keyWrong(/\bAPI key\b/.test(said) && apiKey.value.trim() !== '');
  }
}

/**
 * Typed keys as Assembled took them when tested. A key is tried before it is saved: one Assembled
 * refuses is saved only by Save anyway, as it would replace whatever key works today.
 */
let refused = '';
let accepted = '';
const saveAnyway = byId<HTMLButtonElement>('saveAnyway');
buttons.push(saveAnyway);

function tested(typed: string, report: ConnectionReport): void {
  refused = report.keyRefused ? typed : '';
  accepted = report.keyRefused ? '' : typed;
}

function askFirst(): void {
  saveAnyway.hidden = false;
  keyWrong(true);
  showAnswer(
    status,
    'Assembled did not accept this key when it was tested, so it is not saved yet: pulls, pushes and scheduled refreshes would fail with it. Check the key, or press Save anyway.',
    'error',
  );
}
apiKey.addEventListener('input', () => {
  saveAnyway.hidden = true;
  keyWrong(false);
});

/** A new key does not resume the refreshes a missing or refused one paused: where to do that. */
function toResume(paused = 0): string {
  if (!paused) return '';
  const which =
    paused === 1 ? 'One of your scheduled refreshes is' : `${paused} of your scheduled refreshes are`;
  return ` ${which} paused because your API key was missing or refused: open ${menuPath('refreshes')} to resume ${paused === 1 ? 'it' : 'them'}.`;
}

/**
 * Where to go on once a key Assembled accepted is saved. Settings is opened from the menu and cannot
 * tell what the user was doing (a pull, a push), so both are named.
 */
const toGoOn = ` Open ${menuPath('pull')} or ${MENU_ITEMS.push} to carry on.`;

async function save(typed: string): Promise<void> {
  saveAnyway.hidden = true;
  const saved = await callServer('saveSettings', formInput());
  show(saved);
  // Saved anyway, the key stays wrong until another is saved.
  keyWrong(typed !== '' && typed === refused);
  if (typed && typed === refused)
    showAnswer(
      status,
      'Saved, though Assembled did not accept this key when it was tested: pulls, pushes and scheduled refreshes fail with it until a valid key is saved.',
      'error',
    );
  else showAnswer(status, `Saved.${typed ? toResume(saved.pausedForKey) || toGoOn : ''}`, 'ok');
}

/**
 * No key saved and none typed: nothing would connect, so nothing is done and the field says so.
 * The words are brought into view, then the field: where both do not fit, the field is what shows.
 */
function keyFirst(said: string): void {
  clearReport();
  keyWrong(true);
  showAnswer(status, said, 'error');
  apiKey.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  putAway();
  const typed = formInput().apiKey ?? '';
  if (!typed && !hasKey)
    return keyFirst(
      'No API key is saved yet, so nothing was saved: paste your API key in API key above, then Save.',
    );
  if (typed && typed === refused) return askFirst();
  if (!typed || typed === accepted) return void run('Saving', () => save(typed));
  void run('Checking the key with Assembled', async () => {
    const report = await callServer('testConnection', formInput());
    tested(typed, report);
    if (report.keyRefused) askFirst();
    else await save(typed);
  });
});

saveAnyway.addEventListener('click', () => {
  const typed = formInput().apiKey ?? '';
  // Save anyway goes once pressed: the focus goes to the key it was about (tied to what is said of
  // it), not to the page.
  apiKey.focus();
  void run('Saving', () => save(typed));
});

byId('test').addEventListener('click', () => {
  const typed = formInput().apiKey ?? '';
  // Said here, where the key goes: not the "open Settings" of a pull without a key.
  if (!typed && !hasKey)
    return keyFirst('No API key is saved yet: paste your API key in API key above, then Test connection.');
  void run('Testing the connection', async () => {
    const report = await callServer('testConnection', formInput());
    tested(typed, report);
    showAnswer(status, showReport(report), report.ok ? 'ok' : 'error');
    // The key field is where a refused key (typed or saved) is put right.
    keyWrong(report.keyRefused);
  });
});

// Remove key asks first, inside the page (ask-in-page.ts): the key may not be to hand again, and
// what runs with it stops.
clearKey.addEventListener('click', () => {
  askInPage(
    {
      question: 'Remove the saved key?',
      text: 'Remove your saved API key? Your scheduled refreshes and pushes in this spreadsheet stop until you save a key again.',
      // Not "Remove key" again: a screen reader's list of buttons would hold two of that name.
      yes: 'Yes, remove key',
      keep: 'Keep it',
    },
    clearKey,
    document,
    (box) => clearKey.parentElement?.after(box),
    (close) => {
      close();
      void run('Removing the key', async () => {
        show(await callServer('clearApiKey'));
        showAnswer(status, 'The API key was removed. Paste a key and Save to connect again.', 'ok');
        // Remove key is gone with the key: the field a new one goes in takes the focus.
        apiKey.focus();
      });
    },
  );
});

void run('Loading', async () => {
  show(await callServer('getSettings'));
  showStatus(status, '');
});
focusHeading();
