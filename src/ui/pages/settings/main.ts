import { failedCount } from '../../../core/assembled/check-words';
import { TIME_FORMAT_LABELS } from '../../../core/assembled/time-refusal';
import { savedKeyWords } from '../../../core/key-mask';
import { KEY_FROM } from '../../../core/key-source';
import { MENU_ITEMS, menuPath } from '../../../core/menu-names';
import type { ConnectionReport } from '../../../core/server-api';
import type { SettingsInput, SettingsView, TimeFormat } from '../../../core/settings';
import { askInPage, putAwayQuestion } from '../../ask-in-page';
import { busy, byId, el, markInvalid, showAnswer, showStatus } from '../../dom';
import { focusHeading } from '../../first-focus';
import { firstRead } from '../../first-read';
import { lookWhenBack } from '../../look-when-back';
import { callServer, errorMessage } from '../../rpc';

const form = byId<HTMLFormElement>('settings');
const apiKey = byId<HTMLInputElement>('apiKey');
const keyState = byId('keyState');
const timeFormat = byId<HTMLSelectElement>('timeFormat');
const apiVersion = byId<HTMLInputElement>('apiVersion');
const status = byId('status');
const results = byId('results');
const checks = byId('checks');
const requests = byId('details').querySelector('tbody') as HTMLTableSectionElement;
const clearKey = byId<HTMLButtonElement>('clearKey');
const zone = byId('zone');
const buttons = [byId<HTMLButtonElement>('save'), byId<HTMLButtonElement>('test'), clearKey];

// Where the key comes from, first, for whoever has none yet; then who can see it, in plain words
// (User properties: the script's, one set per person).
byId('apiKeyHint').textContent =
  `Copy it from ${KEY_FROM}. Kept for you alone: other editors of this spreadsheet cannot see or use it.`;

/** Whether the user has a key saved: with none, Save and Test connection need one typed. */
let hasKey = false;
/** The way times are sent as saved: another chosen is tried first, as a new key is. */
let savedFormat = '';
/** The masked hint of the key saved, for the words beside the field as a key is typed there. */
let keyHint = '';

function show(view: SettingsView): void {
  hasKey = view.hasKey;
  keyHint = view.keyHint;
  // With no key saved there is nothing to remove.
  clearKey.hidden = !view.hasKey;
  apiKey.value = '';
  apiKey.placeholder = view.hasKey ? view.keyHint : 'sk_live_…';
  // Said in words too: the placeholder alone, grey, reads as an example.
  keyState.textContent = savedKeyWords(view);
  timeFormat.value = savedFormat = view.timeFormat;
  apiVersion.value = view.apiVersion;
  showZone(view);
}

/** The zone every date in the rows is in: the spreadsheet's, so changed in Sheets, not here. */
function showZone(view: SettingsView): void {
  zone.textContent = `Dates and times in pulled and pushed rows are in this spreadsheet's time zone, ${view.timezone}: change it under File ▸ Settings in Google Sheets.`;
  zone.hidden = false;
}

/** One line a check in words ("People: 100 read"); the raw requests behind a Details toggle. */
function showReport(report: ConnectionReport): string {
  // Checks not run (nothing to read) follow from others; when every check that ran failed the same
  // way (Assembled down), that is said once, with no list of checks that all failed (the requests
  // stay behind Details). A refused key stops the test (check.ts): the refusal is said once, above,
  // then in a line as the key's, where it was met, and one line says the checks after it were not tried.
  const errors = report.lines.filter((l) => !l.ok && !l.notRun);
  const shared =
    !!report.outage ||
    report.keyRefused ||
    (errors.length > 1 && errors.every((l) => l.summary === errors[0]?.summary));
  const notTried = report.keyRefused ? report.lines.filter((l) => l.notRun).length : 0;
  // Said as the key's problem, not the check's: the first check is "Send times as", and "Send times
  // as: Assembled did not accept the key" read as that setting's fault.
  const refusedAt = report.lines.findIndex((l) => l.status === 401);
  const where =
    refusedAt <= 0 ? 'the first check' : `check ${refusedAt + 1} (${report.lines[refusedAt]?.label})`;
  checks.replaceChildren(
    ...(shared ? [] : report.lines).map((line) =>
      el('li', { 'data-ok': line.notRun ? 'skipped' : String(line.ok) }, `${line.label}: ${line.summary}`),
    ),
    ...(notTried
      ? [
          el('li', { 'data-ok': 'false' }, `API key: Assembled did not accept it, at ${where}.`),
          el(
            'li',
            { 'data-ok': 'skipped' },
            `${notTried === 1 ? 'The check after it was' : `The ${notTried} checks after it were`} not tried: Assembled would refuse the key on each.`,
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
        // A request never sent has no status, records or time: "– | 0 | 0 ms" read as one that ran
        // and found nothing.
        ...(line.notRun
          ? [el('td', { colspan: '3' }, `not run${line.message ? `: ${line.message}` : ''}`)]
          : [
              el('td', {}, line.status ? String(line.status) : '–'),
              el('td', {}, String(line.records)),
              el('td', {}, `${line.ms} ms`),
            ]),
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

/**
 * Ties the field whose value the status line says is wrong (the key, or Send times as) to it;
 * none unties both.
 */
function markWrong(field?: HTMLElement): void {
  for (const f of [apiKey, timeFormat]) markInvalid(f, f === field ? status.id : undefined);
}
const keyWrong = (wrong: boolean) => markWrong(wrong ? apiKey : undefined);

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
  markWrong();
  try {
    // Its buttons disabled, the keyboard waits at the line saying what is under way, not on the
    // page; busy puts it back on the button after.
    await busy(buttons, work, status);
  } catch (error) {
    const said = errorMessage(error);
    showAnswer(status, said, 'error');
    // A key Settings refuses as typed: its words all name the "API key" (settings.ts keyProblem).
    keyWrong(/\bAPI key\b/.test(said) && apiKey.value.trim() !== '');
  }
}

/**
 * Why Save would not keep the form as Assembled answered its test: the field it is about, what
 * Save asks, and what it says once saved anyway. `untold`: Assembled could not be asked (down,
 * rate-limiting), so nothing is known wrong with the field, and a test later may tell.
 */
interface Refusal {
  field: HTMLElement;
  ask: string;
  saved: string;
  untold?: true;
}

function refusalOf(report: ConnectionReport, keyTyped: boolean): Refusal | undefined {
  if (report.untold) return untoldOf(report.untold, keyTyped);
  if (report.keyRefused)
    return {
      field: apiKey,
      ask: 'Assembled did not accept this key when it was tested, so it is not saved yet: pulls, pushes and scheduled refreshes would fail with it. Check the key, or press Save anyway.',
      saved:
        'Saved, though Assembled did not accept this key when it was tested: pulls, pushes and scheduled refreshes fail with it until a valid key is saved.',
    };
  const takes = report.takesTimesAs;
  if (!takes) return undefined;
  // Refused one way and taken the other: the one tested is the other.
  const sent = TIME_FORMAT_LABELS[takes === 'unix' ? 'iso' : 'unix'];
  const choose = TIME_FORMAT_LABELS[takes];
  return {
    field: timeFormat,
    ask: `Assembled refused times sent as ${sent} when this was tested, so it is not saved yet: pulls, pushes and scheduled refreshes would fail with it. Choose ${choose} under Send times as, or press Save anyway.`,
    saved: `Saved, though Assembled refused times sent as ${sent} when this was tested: pulls, pushes and scheduled refreshes fail until Send times as is ${choose}.`,
  };
}

/**
 * The test never got as far as the key: saved as it is, "Saved." would say it works, and the key
 * it replaces may be the one that does. So Save asks, as for a refused key.
 */
function untoldOf(why: string, keyTyped: boolean): Refusal {
  const times = (format: string) => TIME_FORMAT_LABELS[format as TimeFormat];
  const [what, kept] = keyTyped
    ? ['this key', 'the key saved now stays in use']
    : [`times sent as ${times(timeFormat.value)}`, `times are still sent as ${times(savedFormat)}`];
  return {
    field: keyTyped ? apiKey : timeFormat,
    untold: true,
    ask: `Assembled could not be reached to check ${what} (${why}), so it is not saved yet: ${kept}. Press Save anyway, or wait a few minutes and press Save again, which checks ${what} first.`,
    saved: `Saved, but not checked: Assembled could not be reached (${why}). Press Test connection once it answers.`,
  };
}

/**
 * What is tried before it is saved: a key typed, and the way times are sent. Either one Assembled
 * refuses is saved only by Save anyway, as it would stop what works today.
 */
const tried = () => `${formInput().apiKey ?? ''}\n${timeFormat.value}`;
/** Whether the form holds something to try: a key typed, or times sent another way than saved. */
const untried = () => !!formInput().apiKey || timeFormat.value !== savedFormat;
/** The form as last tested, and why Save would not keep it (none when Assembled took it). */
let lastTest: { form: string; refusal: Refusal | undefined } | undefined;
const saveAnyway = byId<HTMLButtonElement>('saveAnyway');
buttons.push(saveAnyway);

function tested(form: string, report: ConnectionReport): void {
  lastTest = { form, refusal: refusalOf(report, !!formInput().apiKey) };
}

/** The field a refusal says is wrong: none when Assembled could not be asked. */
const wrongIn = (refusal?: Refusal) => (refusal?.untold ? undefined : refusal?.field);

function askFirst(refusal: Refusal): void {
  saveAnyway.hidden = false;
  markWrong(wrongIn(refusal));
  showAnswer(status, refusal.ask, 'error');
}
apiKey.addEventListener('input', () => {
  keyState.textContent = savedKeyWords({ hasKey, keyHint }, apiKey.value.trim() !== '');
});
for (const field of [apiKey, timeFormat])
  field.addEventListener('input', () => {
    saveAnyway.hidden = true;
    markWrong();
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

async function save(): Promise<void> {
  saveAnyway.hidden = true;
  const typed = formInput().apiKey ?? '';
  // Saved anyway, what was refused stays wrong until it is changed.
  const refusal = untried() && lastTest?.form === tried() ? lastTest.refusal : undefined;
  const saved = await callServer('saveSettings', formInput());
  show(saved);
  markWrong(wrongIn(refusal));
  // Not checked, the key is not known bad: the refreshes it may restart are named, as for one taken.
  if (refusal?.untold) showAnswer(status, `${refusal.saved}${typed ? toResume(saved.pausedForKey) : ''}`);
  else if (refusal) showAnswer(status, refusal.saved, 'error');
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
      'No API key is saved, so nothing was saved: paste your API key in API key above, then Save.',
    );
  const now = tried();
  // A test Assembled could not answer tells nothing: Save tries again, as it may answer now.
  const known = lastTest?.form === now && !lastTest.refusal?.untold ? lastTest : undefined;
  if (untried() && known?.refusal) return askFirst(known.refusal);
  if (!untried() || known) return void run('Saving', save);
  void run('Checking with Assembled', async () => {
    // Whether Assembled takes the key and the times (a request or two), not the whole test.
    tested(now, await callServer('checkSettings', formInput()));
    const refusal = lastTest?.refusal;
    // With no key saved, an unchecked one replaces none that works: saved, said to be unchecked.
    if (refusal && !(refusal.untold && !hasKey)) askFirst(refusal);
    else await save();
  });
});

saveAnyway.addEventListener('click', () => {
  // Save anyway goes once pressed: the focus goes to the field it was about (tied to what is said
  // of it), not to the page.
  (lastTest?.refusal?.field ?? apiKey).focus();
  void run('Saving', save);
});

byId('test').addEventListener('click', () => {
  const typed = formInput().apiKey ?? '';
  // Said here, where the key goes: not the "open Settings" of a pull without a key.
  if (!typed && !hasKey)
    return keyFirst('No API key is saved: paste your API key in API key above, then Test connection.');
  void run('Testing the connection', async () => {
    const now = tried();
    const report = await callServer('testConnection', formInput());
    tested(now, report);
    showAnswer(status, showReport(report), report.ok ? 'ok' : 'error');
    // The field where a refused key (typed or saved), or a refused way of sending times, is put right.
    markWrong(wrongIn(lastTest?.refusal));
  });
});

// Remove key asks first, inside the page (ask-in-page.ts): the key may not be to hand again, and
// what runs with it stops. The key is the user's (User properties), so it stops in their other
// spreadsheets too: those refreshes pause at their next run (refresh-no-key.test.ts).
clearKey.addEventListener('click', () => {
  askInPage(
    {
      question: 'Remove the saved key?',
      text: 'Remove your saved API key? It is yours in every spreadsheet, not only this one: your scheduled refreshes and pushes stop in all of them until you save a key again. Your refreshes here pause now, those in other spreadsheets at their next run.',
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

// Fields changed before the saved settings arrive: what the person typed or chose there is kept,
// not put back to what was saved (under load the answer can come after a choice).
const changedWhileLoading = new Set<HTMLInputElement | HTMLSelectElement>();
const noteChange = (event: Event) =>
  changedWhileLoading.add(event.target as HTMLInputElement | HTMLSelectElement);
for (const field of [apiKey, timeFormat, apiVersion]) field.addEventListener('input', noteChange);

// Not read, the sidebar says why at its top, with Try again (first-read.ts), not an empty form.
showStatus(status, 'Loading…');
void firstRead(() => busy(buttons, () => callServer('getSettings'))).then((view) => {
  for (const field of [apiKey, timeFormat, apiVersion]) field.removeEventListener('input', noteChange);
  const kept = [...changedWhileLoading].map((field) => [field, field.value] as const);
  show(view);
  for (const [field, value] of kept) field.value = value;
  showStatus(status, '');
  // File ▸ Settings may change the zone while the sidebar is open: read again when the person is back.
  lookWhenBack(() => callServer('getSettings').then(showZone, () => undefined));
});
focusHeading();
