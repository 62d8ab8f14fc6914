import type { RefreshView } from '../../../core/schedule/refresh-view';
import { busy, byId, el, showStatus } from '../../dom';
import { createFrequencyForm } from '../../frequency-form';
import { lastRunText } from '../../last-run';
import { callServer, errorMessage } from '../../rpc';
import { modeField } from './mode-field';

const list = byId('list');
const status = byId('status');

const failedRun = (r: RefreshView) => r.lastRun?.status === 'failed' || r.lastRun?.status === 'stalled';

function health(r: RefreshView): 'failed' | 'paused' | 'ok' {
  if (r.retry || r.overdue || failedRun(r)) return 'failed';
  return r.paused ? 'paused' : 'ok';
}

/**
 * Runs a call that answers with the list; says what it is doing, then `done` (empty: nothing).
 * `then` runs once the new cards are drawn (to put the focus back where a person expects it).
 */
async function act(
  label: string,
  call: () => Promise<RefreshView[]>,
  done: string,
  then?: () => void,
): Promise<void> {
  showStatus(status, `${label}…`);
  try {
    render(await busy([...document.querySelectorAll('button')], call));
    showStatus(status, done, 'ok');
    sayRunEnded();
    then?.();
  } catch (error) {
    // Refused (a Run now whose sheet is gone): no run to tell of, so the next read of the list
    // leaves the refusal on the status line, and draws the card as the refusal left it.
    ranNow = undefined;
    showStatus(status, errorMessage(error), 'error');
    readAgainLater(ON_RETURN_MS);
  }
}

/** The refresh "Run now" was pressed for, until the status line has said how its run ended. */
let ranNow: string | undefined;

function sayRunEnded(): void {
  const r = shown.find((x) => x.id === ranNow);
  // An attempt that failed is said at once; how the run ends is said when it ends.
  if (r?.retry) {
    showStatus(
      status,
      `${r.what}: attempt ${r.retry.attempts} failed. Its card says why and when it is tried again.`,
      'error',
    );
    return;
  }
  if (!r || r.running) return;
  ranNow = undefined;
  showStatus(status, `${r.what}: ${lastRunText(r)}.`, health(r) === 'failed' ? 'error' : 'ok');
}

/**
 * The list keeps itself true: while a refresh runs it is read again every few seconds, so its card
 * shows the outcome when the run ends; otherwise now and then, for runs the schedule starts. A run
 * of the caller's own is carried on by those reads (pollRefresh), as the Pull sidebar carries a
 * pull: the background trigger of a published add-on ticks only hourly.
 */
const WHILE_RUNNING_MS = 3_000;
const IDLE_MS = 60_000;
let nextRead: number | undefined;

/** Coming back to the sidebar (after the sheet, another tab) reads the list this soon after. */
const ON_RETURN_MS = 300;
/** The list as last read: what the cards show. */
let shown: RefreshView[] = [];

function readAgainLater(after?: number): void {
  window.clearTimeout(nextRead);
  // A run whose attempt failed waits for the background tick's retry: no need to ask every 3 s.
  const running = shown.some((r) => r.running && !r.retry);
  const wait = after ?? (running ? WHILE_RUNNING_MS : IDLE_MS);
  nextRead = window.setTimeout(() => {
    // Not while the user is editing a card or another action is under way.
    const userIsHere = !running && list.contains(document.activeElement);
    if (
      userIsHere ||
      list.querySelector('.editor') ||
      [...document.querySelectorAll('button')].some((b) => b.disabled)
    ) {
      readAgainLater();
      return;
    }
    const mine = shown.find((r) => r.running && r.mine);
    const readList = () => callServer('listRefreshes');
    // A poll that cannot carry the run on (the lock busy, the refresh deleted meanwhile) still
    // reads the list; the run's own failures are on its card.
    (mine ? callServer('pollRefresh', mine.id).catch(readList) : readList()).then(
      (refreshes) => {
        render(refreshes);
        sayRunEnded();
      },
      () => readAgainLater(),
    );
  }, wait);
}

/** Opens the card's editor, or goes back to it, in view with its first field focused. */
function editor(r: RefreshView, card: HTMLElement): void {
  const open = card.querySelector<HTMLElement>('.editor');
  if (open) {
    showEditor(open);
    return;
  }
  const form = createFrequencyForm(`edit-${r.id}`, r.frequency, r.notifyByEmail);
  const mode = modeField(`edit-${r.id}`, r);
  const save = el('button', { type: 'button', class: 'primary' }, 'Save');
  const cancel = el('button', { type: 'button' }, 'Cancel');
  const box = el(
    'div',
    { class: 'editor' },
    form.root,
    mode.root,
    el('div', { class: 'actions' }, save, cancel),
  );
  save.addEventListener(
    'click',
    () =>
      void act(
        'Saving',
        () => callServer('saveRefresh', { spec: mode.spec(), ...form.value() }, r.id),
        'Saved.',
      ),
  );
  cancel.addEventListener('click', () => box.remove());
  card.append(box);
  showEditor(box);
}

// A card low in the list opens its editor below the fold: Edit would seem to do nothing.
function showEditor(box: HTMLElement): void {
  box.scrollIntoView({ block: 'nearest' });
  box.querySelector('select')?.focus({ preventScroll: true });
}

/**
 * Asks inside the card: the sidebar is a sandboxed frame where confirm() may be ignored and
 * return false, so that a browser dialog would leave Delete doing nothing.
 */
function confirmDelete(r: RefreshView, card: HTMLElement, trigger: HTMLButtonElement): void {
  const open = card.querySelector<HTMLElement>('.confirm');
  if (open) {
    open.querySelector<HTMLButtonElement>('button.keep')?.focus();
    return;
  }
  const question = `Delete the refresh of ${r.what} into ${r.target}?`;
  const yes = el(
    'button',
    { type: 'button', class: 'danger', 'aria-label': `Yes, delete: ${r.what}` },
    'Delete',
  );
  const no = el('button', { type: 'button', class: 'keep', 'aria-label': `Keep: ${r.what}` }, 'Keep');
  const box = el(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': question },
    el('p', {}, question),
    el('div', { class: 'actions' }, yes, no),
  );
  const at = [...list.children].indexOf(card);
  yes.addEventListener(
    'click',
    () =>
      void act(
        'Deleting',
        () => callServer('deleteRefresh', r.id),
        'Deleted.',
        () => focusNear(at),
      ),
  );
  const keep = () => {
    box.remove();
    trigger.focus();
  };
  no.addEventListener('click', keep);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') keep();
  });
  card.append(box);
  // The line below the list still tells of the last action, not of this question.
  showStatus(status, '');
  // Keep has the focus: an Enter pressed twice never deletes.
  no.focus();
}

/** After a delete the focus goes to the card now in its place (or Reload), not to the page. */
function focusNear(index: number): void {
  const cards = list.querySelectorAll<HTMLElement>('.card');
  const next = cards[Math.min(index, cards.length - 1)]?.querySelector('button') ?? byId('reload');
  next.focus();
}

function card(r: RefreshView): HTMLElement {
  const dl = el('dl', {});
  const row = (term: string, value: string, attrs: Record<string, string> = {}) =>
    dl.append(el('dt', {}, term), el('dd', attrs, value));
  row('Target', r.target);
  row('If the target has data', r.mode);
  row('Frequency', r.frequencyLabel);
  row('Next run', r.paused ? 'Paused' : r.nextRun);
  // A run given up is as plain to see as an attempt that will be tried again.
  row('Last run', lastRunText(r), !r.running && failedRun(r) ? { class: 'failed' } : {});
  row('If it fails', r.notifyByEmail ? 'E-mail the owner' : 'No e-mail');
  row('Owner', r.owner);
  const item = el(
    'li',
    { class: 'card', 'data-health': health(r) },
    el('h2', {}, el('span', { class: 'marker', 'aria-hidden': 'true' }), r.what),
    dl,
  );
  if (r.retry) {
    const { attempts, reason, nextTry } = r.retry;
    const tries = attempts === 1 ? 'Attempt 1 failed' : `${attempts} attempts failed`;
    item.append(el('p', { class: 'reason' }, `${tries}: ${reason} Next try by ${nextTry}.`));
  }
  if (r.pausedReason) item.append(el('p', { class: 'reason' }, r.pausedReason));
  if (r.notice) item.append(el('p', { class: 'reason' }, r.notice));
  if (r.overdue) item.append(el('p', { class: 'reason' }, r.overdue));
  if (r.mine) {
    const button = (text: string, onClick: (b: HTMLButtonElement) => void) => {
      const b = el('button', { type: 'button', 'aria-label': `${text}: ${r.what}` }, text);
      b.addEventListener('click', () => onClick(b));
      return b;
    };
    item.append(
      el(
        'div',
        { class: 'actions' },
        button('Run now', () => {
          ranNow = r.id;
          void act(
            'Running',
            () => callServer('runRefreshNow', r.id),
            'Started: its card shows the outcome when the run ends.',
          );
        }),
        r.paused
          ? button('Resume', () => void act('Resuming', () => callServer('resumeRefresh', r.id), 'Resumed.'))
          : button('Pause', () => void act('Pausing', () => callServer('pauseRefresh', r.id), 'Paused.')),
        button('Edit', () => editor(r, item)),
        button('Delete', (b) => confirmDelete(r, item, b)),
      ),
    );
  }
  return item;
}

function render(refreshes: RefreshView[]): void {
  shown = refreshes;
  list.replaceChildren(...refreshes.map(card));
  if (!refreshes.length) list.append(el('li', {}, 'No scheduled refreshes in this spreadsheet yet.'));
  readAgainLater();
}

// Runs may have ended while the user was away; a click that lands on a card waits (the guards
// above), so the list never changes under a button being pressed.
window.addEventListener('focus', () => readAgainLater(ON_RETURN_MS));
// The list is what loading shows: nothing more to say once it is there.
const load = () => void act('Loading', () => callServer('listRefreshes'), '');
byId('reload').addEventListener('click', load);
load();
