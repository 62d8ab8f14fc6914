import type { RefreshView } from '../../../core/schedule/refresh-view';
import { ended } from '../../../core/sentence';
import { answerOrder } from '../../answer-order';
import { askInPage } from '../../ask-in-page';
import { addressParts, busy, byId, el, focusLost, showStatus, stayAtOutcome, type Tone } from '../../dom';
import { focusHeading } from '../../first-focus';
import { firstRead } from '../../first-read';
import { createFrequencyForm, type FrequencyForm } from '../../frequency-form';
import { showKeyNotice } from '../../key-notice';
import { keptText, lastRunText, lastRunWhy, RETRY_WHY, retryReason } from '../../last-run';
import { lookWhenBack } from '../../look-when-back';
import { callServer, errorMessage } from '../../rpc';
import { byUrgency, failedRun, health, needsLook, nextRunShown, summaryParts } from './health';
import { modeField } from './mode-field';

const list = byId('list');
const status = byId('status');
const summary = byId('summary');

/**
 * A refresh as the list names it: its data, and its target too where another refresh of the same
 * data would read the same (two "Run now: Teams" buttons cannot be told apart by ear).
 */
function nameOf(r: RefreshView): string {
  return shown.filter((x) => x.what === r.what).length > 1 ? `${r.what} into ${r.target}` : r.what;
}

/**
 * What the last action said, when it was pressed on a card still listed: drawn on that card, as the
 * line under the list may be far below the fold, where a refusal seemed to be no answer at all.
 * `state`, the card's as it was said (stateOf): said of that, it goes once the card's changes.
 */
let said: { id: string; text: string; tone: Tone; state: string } | undefined;

/**
 * What a card's answer speaks of: its run (under way, tried again, how the last one ended) and
 * whether it can run. A later run's end or a pause changes it; time passing ("Due since") does not.
 */
const stateOf = (r: RefreshView) =>
  JSON.stringify([r.paused, r.running, r.retry?.attempts, r.lastRun?.at, r.lastRun?.status, r.targetGone]);

// For the eye only: the status line says the same to screen readers, which read both ("Paused. Paused.").
const saidLine = (s: NonNullable<typeof said>) =>
  el('p', { class: 'said', 'data-tone': s.tone, 'aria-hidden': 'true' }, s.text);

/**
 * Says `text` on the status line, which screen readers hear; said of a card (`id`), it is drawn on
 * that card, in view, and the line under the list keeps it for screen readers only (once: saidLine).
 */
function say(text: string, tone: Tone = 'info', id?: string): void {
  showStatus(status, text, tone);
  for (const old of list.querySelectorAll('.said')) old.remove();
  const card = id && text ? list.querySelector(`[data-id="${CSS.escape(id)}"]`) : null;
  const of = shown.find((r) => r.id === id);
  said = id && card && of ? { id, text, tone, state: stateOf(of) } : undefined;
  status.classList.toggle('sr-only', !!said);
  if (!said || !card) return;
  const line = saidLine(said);
  card.append(line);
  line.scrollIntoView({ block: 'nearest' });
}

/**
 * An action's call is under way (its buttons disabled): a read of the list that answers meanwhile
 * draws its buttons disabled too, or a second Run now could be pressed before the first answers.
 */
let acting = false;

/** Stop or Pause pressed while the run held the lock: the run goes on to the end of its request (a page read, a BigQuery job polled). */
const STOPPING = 'Stopping: the run ends once its request under way is answered.';

/** What Stop says: `done`, or `ending` while its run goes on to the end of its request. */
const stopSaid = (id: string, done: string, ending: string) => (read: RefreshView[]) =>
  read.find((r) => r.id === id)?.stopping ? ending : done;

/**
 * Runs a call that answers with the list; says what it is doing, then `done` (empty: nothing), on
 * the card of `id` when it was pressed on one. `then` runs once the new cards are drawn (to put the
 * focus back where a person expects it).
 */
async function act(
  label: string,
  call: () => Promise<RefreshView[]>,
  done: string | ((read: RefreshView[]) => string),
  id?: string,
  then?: () => void,
): Promise<void> {
  say(`${label}…`, 'info', id);
  acting = true;
  const asked = ask();
  try {
    const read = await busy([...document.querySelectorAll('button')], call).finally(() => {
      acting = false;
    });
    newer(asked);
    render(read, id);
    say(typeof done === 'string' ? done : done(read), 'ok', id);
    sayRunEnded();
    then?.();
  } catch (error) {
    // The card is drawn as the refusal left it (paused, say) before the refusal is put on it, so
    // the redraw cannot push it out of view.
    const refusal = errorMessage(error);
    const again = ask();
    await callServer('listRefreshes').then(
      (refreshes) => {
        newer(again);
        render(refreshes, id, true);
      },
      () => readAgainLater(ON_RETURN_MS),
    );
    // Refused (a Run now whose sheet is gone): no run to tell of; a run still under way (Run now
    // pressed again) is told of when it ends.
    for (const ran of ranNow) if (!shown.find((r) => r.id === ran)?.running) ranNow.delete(ran);
    say(refusal, 'error', id);
  }
}

/** The refreshes "Run now" was pressed for, until the status line has said how each run ended. */
const ranNow = new Set<string>();

function sayRunEnded(): void {
  // Each run pressed for is said when it ends (or when an attempt fails), all on the one line: a
  // second Run now while the first runs does not silence the first.
  const words: string[] = [];
  const of: string[] = [];
  let failed = false;
  for (const id of ranNow) {
    const r = shown.find((x) => x.id === id);
    if (r?.retry) {
      of.push(id);
      words.push(
        `${nameOf(r)}: attempt ${r.retry.attempts} failed. Its card says why and when it is tried again.`,
      );
      failed = true;
      continue;
    }
    if (r?.running) continue;
    ranNow.delete(id);
    if (!r) continue;
    of.push(id);
    // Why it failed is on its card, said there once: it may be hundreds of characters long.
    words.push(ended(`${nameOf(r)}: ${lastRunText(r)}`) + (lastRunWhy(r) ? ' Its card says why.' : ''));
    failed ||= health(r) === 'failed';
  }
  // One run's end is said on its card; several, on the line under the list.
  if (words.length) say(words.join(' '), failed ? 'error' : 'ok', of.length === 1 ? of[0] : undefined);
}

/**
 * The list keeps itself true: while a refresh runs it is read again every few seconds, so its card
 * shows the outcome when the run ends; otherwise once a minute, for runs the schedule starts (a
 * next run passed shows as due within the minute, on the server's clock, not this browser's). A run
 * of the caller's own is carried on by those reads (pollRefresh), as the Pull sidebar carries a
 * pull: the background trigger of a published add-on ticks only hourly.
 */
const WHILE_RUNNING_MS = 3_000;
// Each read is an Apps Script execution, counted in the user's quotas: once a minute is 60 an hour
// while the list is in view, and none while it is hidden (but for a run of their own to carry on).
const IDLE_MS = 60_000;
let nextRead: number | undefined;

/** Coming back to the sidebar (after the sheet, another tab) reads the list this soon after. */
const ON_RETURN_MS = 300;
/** The list as last read: what the cards show. */
let shown: RefreshView[] = [];

/** A list was drawn: until then Try again reads it, not the background (first-read.ts). */
let listed = false;

/**
 * Each call answering with the list, numbered as it is asked. A read asked before an action, and
 * slow to answer, is older than the cards the action's answer drew (answer-order.ts).
 */
const { ask, newer } = answerOrder();

function readAgainLater(after?: number): void {
  window.clearTimeout(nextRead);
  if (!listed) return;
  // A run whose attempt failed waits for the background tick's retry: no need to ask every 3 s.
  const running = shown.some((r) => r.running && !r.retry);
  // Hidden (another tab, the window minimised), nothing is read but for a run of the caller's own
  // to carry on: shown again, the list is read at once (below).
  if (document.visibilityState === 'hidden' && !shown.some((r) => r.mine && r.running && !r.retry)) return;
  const wait = after ?? (running ? WHILE_RUNNING_MS : IDLE_MS);
  nextRead = window.setTimeout(() => {
    // Not while another action is under way: its answer draws the list. (A card being edited or
    // asked about is left as it is, and a focused button is drawn again focused: see render.)
    if (acting) {
      readAgainLater();
      return;
    }
    const mine = shown.find((r) => r.running && r.mine);
    const asked = ask();
    const readList = () => callServer('listRefreshes');
    // A poll that cannot carry the run on (the lock busy, the refresh deleted meanwhile) still
    // reads the list; the run's own failures are on its card.
    (mine ? callServer('pollRefresh', mine.id).catch(readList) : readList()).then(
      (refreshes) => {
        // Pressed meanwhile: the button under the pointer stays until its click has landed.
        if (pressing) {
          readAgainLater(ON_RETURN_MS);
          return;
        }
        if (!newer(asked)) {
          readAgainLater();
          return;
        }
        render(refreshes);
        sayRunEnded();
      },
      () => readAgainLater(),
    );
  }, wait);
}

/** The frequency forms of the cards whose Edit is open, by refresh: render names a new zone at their hour. */
const editing = new Map<string, FrequencyForm>();

/** Opens the card's editor, or goes back to it, in view with its first field focused. */
function editor(r: RefreshView, card: HTMLElement): void {
  const open = card.querySelector<HTMLElement>('.editor');
  if (open) {
    showEditor(open);
    return;
  }
  // The card and the line below the list told of the last action (a "Saved." of the last edit):
  // not of this one.
  say('');
  const form = createFrequencyForm(`edit-${r.id}`, r.frequency, r.zone, r.today, r.notifyByEmail);
  editing.set(r.id, form);
  const mode = modeField(`edit-${r.id}`, r);
  // Saved, the list is drawn again and the focus goes back to the card's Edit (data-act). Named
  // for the refresh, as the card's other buttons are: a list of buttons may hold several editors'.
  const name = nameOf(r);
  const save = el(
    'button',
    { type: 'button', class: 'primary', 'data-act': `${r.id} edit`, 'aria-label': `Save: ${name}` },
    'Save',
  );
  const cancel = el('button', { type: 'button', 'aria-label': `Cancel: ${name}` }, 'Cancel');
  const box = el(
    'div',
    { class: 'editor', role: 'group', 'aria-label': `Edit the refresh of ${r.what} into ${r.target}` },
    form.root,
    mode.root,
    el('div', { class: 'actions' }, save, cancel),
  );
  // A refusal of its save ("Check it, then save again") is answered once the form is changed: it
  // goes, rather than stay in red beside what the person has put right.
  box.addEventListener('change', () => {
    if (said?.id === r.id && said.tone === 'error') say('');
  });
  const saveIt = () =>
    void act(
      'Saving',
      // The zone At names, which a list read since may have changed (render's nameZone).
      () => callServer('saveRefresh', { spec: mode.spec(), ...form.value() }, r.id, form.zone()),
      // Its pause kept for the owner's key, or resumed with the key unchecked: said, not "Saved.".
      (read) => read.find((v) => v.id === r.id)?.saved ?? 'Saved.',
      r.id,
    );
  save.addEventListener('click', () => {
    // Said at the field to fix (the focus goes there), not after a trip to the server.
    if (form.problem()) return say('');
    // A mode that takes away the rows it gathered is asked about first, under the form.
    const ask = mode.ask();
    if (!ask) return saveIt();
    const labels = { yesLabel: `${ask.yes}: ${name}`, keepLabel: `${ask.keep}: ${name}` };
    askInPage({ ...ask, ...labels }, save, box, (q) => box.append(q), saveIt, mode.keep);
    say('');
  });
  const close = () => {
    // The card it is on now: a refused save carries it into its card drawn again (render).
    const on = box.closest('.card');
    box.remove();
    on?.querySelector<HTMLButtonElement>(`[data-act="${r.id} edit"]`)?.focus();
  };
  cancel.addEventListener('click', close);
  box.addEventListener('keydown', (event) => {
    // Escape in Save's question answers it (Keep), and leaves the editor open.
    if (event.key === 'Escape' && !(event.target as Element).closest('.confirm')) close();
  });
  card.append(box);
  showEditor(box);
}

// A card low in the list opens its editor below the fold: Edit would seem to do nothing.
function showEditor(box: HTMLElement): void {
  box.scrollIntoView({ block: 'nearest' });
  box.querySelector('select')?.focus({ preventScroll: true });
}

/** Asks inside the card (ask-in-page.ts). Another editor's refresh is removed, its owner named. */
function confirmDelete(r: RefreshView, card: HTMLElement, trigger: HTMLButtonElement): void {
  const name = nameOf(r);
  const at = [...list.children].indexOf(card);
  const [verb, doing, done] = r.mine
    ? ['Delete', 'Deleting', 'Deleted.']
    : ['Remove', 'Removing', 'Removed.'];
  askInPage(
    {
      question: `${verb} the refresh of ${r.what} into ${r.target}?`,
      // Its owner may not know: said whose it is, and that no one else can have it back.
      ...(r.mine
        ? {}
        : {
            text: `It belongs to ${r.owner}: removed, it never runs again, and only they can save it again.`,
          }),
      yes: verb,
      keep: 'Keep',
      yesLabel: `Yes, ${verb.toLowerCase()}: ${name}`,
      keepLabel: `Keep: ${name}`,
    },
    trigger,
    card,
    (box) => card.append(box),
    () =>
      void act(
        doing,
        () => callServer('deleteRefresh', r.id),
        done,
        r.id,
        () => focusNear(at),
      ),
  );
  // The card and the line below the list still tell of the last action, not of this question.
  say('');
}

/**
 * Run now answered: the keyboard goes to its card's heading, not back to Run now (offered again
 * when the run ended within the call), where the second Enter of a double press would run it
 * again. The line under the list says how it went; Run now is the next Tab.
 */
function atOutcome(id: string): void {
  const card = list.querySelector(`[data-id="${CSS.escape(id)}"]`);
  const heading = card?.querySelector<HTMLElement>('h2');
  const runNow = card?.querySelector<HTMLElement>('[data-act$=" run"]');
  if (heading) stayAtOutcome(heading, runNow ? [runNow] : []);
}

/** After a delete the focus goes to the card now in its place (or Reload), not to the page. */
function focusNear(index: number): void {
  const cards = list.querySelectorAll<HTMLElement>('.card');
  const next = cards[Math.min(index, cards.length - 1)]?.querySelector('button') ?? byId('reload');
  next.focus();
}

/** The cards whose "Why it failed" is open: drawn again (every few seconds while a run is under way), they stay open. */
const whyOpen = new Set<string>();

/**
 * Why the last run failed or was stopped, under the card's rows as wide as the card, shown on
 * request; red for a failure only (a stop was someone's choice, not a fault).
 */
function whyBox(id: string, why: { label: string; text: string }, status = ''): HTMLElement {
  const box = el(
    'details',
    { class: 'why', open: whyOpen.has(id), 'data-status': status },
    el('summary', { 'data-act': `${id} why` }, why.label),
    el('p', {}, why.text),
  );
  box.addEventListener('toggle', () => (box.open ? whyOpen.add(id) : whyOpen.delete(id)));
  return box;
}

/** Stop, or between its run's tries, when nothing runs, Cancel the retry: the same call, named for what it ends. */
function stopButton(
  r: RefreshView,
  button: (text: string, act: string, onClick: () => void) => HTMLButtonElement,
): HTMLButtonElement {
  const retry = r.retry && !r.retry.trying;
  return button(
    retry ? 'Cancel the retry' : 'Stop',
    'stop',
    () =>
      void act(
        retry ? 'Cancelling the retry' : 'Stopping',
        () => callServer('stopRefreshRun', r.id),
        stopSaid(r.id, retry ? 'Retry cancelled.' : 'Stopped.', STOPPING),
        r.id,
      ),
  );
}

function card(r: RefreshView): HTMLElement {
  const dl = el('dl', {});
  const row = (term: string, value: string | (string | Node)[], attrs: Record<string, string> = {}) =>
    dl.append(el('dt', {}, term), el('dd', attrs, ...[value].flat()));
  row('Target', r.targetGone ? `${r.target} (deleted)` : r.target);
  // What a run does to the target's data, of no use while there is no target.
  if (!r.targetGone) row('If the target has data', r.mode);
  row('Frequency', r.frequencyLabel);
  row('Next run', nextRunShown(r));
  // A run given up is as plain to see as an attempt that will be tried again.
  row('Last run', lastRunText(r), !r.running && failedRun(r) ? { class: 'failed' } : {});
  row('If it fails', r.notifyByEmail ? 'E-mail the owner' : 'No e-mail');
  row('Owner', addressParts(r.owner));
  const item = el(
    'li',
    { class: 'card', 'data-health': health(r), 'data-id': r.id },
    // Focusable from code only: where the keyboard waits when its button goes (render), never on Stop.
    el(
      'h2',
      { tabindex: '-1', 'data-act': `${r.id} heading` },
      el('span', { class: 'marker', 'aria-hidden': 'true' }),
      nameOf(r),
    ),
    dl,
  );
  // The run under way's failed attempt first, under a heading of its own: put under "Why the previous
  // run failed", it read as that run's reason.
  if (r.retry)
    item.append(
      el(
        'div',
        { class: 'retrying' },
        el('h3', {}, RETRY_WHY),
        el('p', { class: 'reason' }, retryReason(r.retry)),
      ),
    );
  // Its sheet gone, that is what the card is about, said first: not under the last run's reason,
  // which is from before (asked for, not headlined: refresh-view.ts lastRunView).
  if (r.targetGone) item.append(el('p', { class: 'reason' }, r.targetGone));
  const why = lastRunWhy(r);
  if (why) item.append(whyBox(r.id, why, r.lastRun?.status));
  // Beside why it failed: what the sheet holds meanwhile, as the e-mail and the header note say.
  const kept = keptText(r);
  if (kept) item.append(el('p', { class: 'hint' }, kept));
  // In view, not inside "Why it failed": what to do about a run given up.
  if (r.runAgain) item.append(el('p', { class: 'hint' }, r.runAgain));
  // Not on a card failing or retrying, which is about its failure: what its mode does, said there
  // while it works and in Edit beside the choice, pushed the card past the sidebar's height.
  const modeNote = !needsLook(r) && r.modes.find((m) => m.value === r.spec.mode)?.note;
  if (modeNote) item.append(el('p', { class: 'hint' }, modeNote));
  // Said on a failing card too: the next run that works leaves the notes beside other rows.
  if (r.notesBeside) item.append(el('p', { class: 'hint' }, r.notesBeside));
  if (r.zoneMoved) item.append(el('p', { class: 'hint' }, r.zoneMoved));
  // Beside its Next run's time, which would read as a run that will work.
  if (r.zoneRefused) item.append(el('p', { class: 'reason' }, r.zoneRefused));
  if (r.stopping) item.append(el('p', { class: 'hint' }, STOPPING));
  if (r.limited) item.append(el('p', { class: 'hint' }, r.limited));
  if (r.carriedOn) item.append(el('p', { class: 'hint' }, r.carriedOn));
  // Its sheet gone, that is all there is to say: why it paused, or is overdue, follows from it.
  const reasons = r.targetGone ? [] : [r.pausedReason, r.notice, r.overdue];
  for (const reason of reasons.filter(Boolean)) item.append(el('p', { class: 'reason' }, reason));
  // In place of the buttons another editor does not get, why not (a gone sheet's line says what to do).
  if (!r.mine && !r.targetGone)
    item.append(
      el('p', { class: 'hint' }, 'Only its owner can run, resume or edit it: it runs with their API key.'),
    );
  // data-act: the same control on the card drawn again, where the focus goes back (render).
  const button = (text: string, act: string, onClick: (b: HTMLButtonElement, event: MouseEvent) => void) => {
    const b = el(
      'button',
      { type: 'button', 'aria-label': `${text}: ${nameOf(r)}`, 'data-act': `${r.id} ${act}` },
      text,
    );
    b.addEventListener('click', (event) => onClick(b, event));
    return b;
  };
  const remove = button(r.mine ? 'Delete' : 'Remove', 'delete', (b) => confirmDelete(r, item, b));
  const pause = button(
    'Pause',
    'pause',
    () =>
      void act(
        'Pausing',
        () => callServer('pauseRefresh', r.id),
        // Another editor's: whether its owner was e-mailed of it, so they need not tell them too.
        (read) => {
          const v = read.find((x) => x.id === r.id);
          return ['Paused.', v?.ownerTold, v?.stopping && STOPPING].filter(Boolean).join(' ');
        },
        r.id,
      ),
  );
  // Another editor's (its owner may have left): Pause and Remove, which set no one's key working.
  if (!r.mine)
    item.append(el('div', { class: 'actions' }, ...(r.paused || r.targetGone ? [] : [pause]), remove));
  // Its sheet gone, it can only be deleted: Run now, Resume, Pause and Edit would be for nothing.
  else if (r.targetGone) item.append(el('div', { class: 'actions' }, remove));
  else
    item.append(
      el(
        'div',
        { class: 'actions' },
        // Not while paused for want of the owner's key: it would only be refused (its reason says why).
        // Beside Stop, its run waiting for its next try: that try is made now.
        ...(r.runNow
          ? [
              button('Run now', 'run', (_, event) => {
                // A double click's second click: a run that answers at once has drawn its card
                // again under the pointer, Run now free, and that click is no second request.
                if (event.detail > 1) return;
                ranNow.add(r.id);
                void act(
                  r.running ? 'Trying again' : 'Running',
                  // The last run the card showed: one that ended since is shown, not run again.
                  () => callServer('runRefreshNow', r.id, r.ranAt),
                  `${r.running ? 'Tried again now' : 'Started'}: this card shows the outcome when the run ends.`,
                  r.id,
                  () => atOutcome(r.id),
                );
              }),
            ]
          : []),
        // Its run under way, whether paused or not (Run now runs a paused one): Pause alone could
        // not stop that. Between its tries nothing runs to stop: its retry is what is cancelled.
        ...(r.running && !r.stopping ? [stopButton(r, button)] : []),
        r.paused
          ? button(
              'Resume',
              'pause',
              () =>
                void act(
                  'Resuming',
                  () => callServer('resumeRefresh', r.id),
                  // Its owner's key could not be checked (Assembled down): said, not a plain
                  // "Resumed."; and the runs it missed while paused, with Run now beside.
                  (read) => {
                    const v = read.find((x) => x.id === r.id);
                    return [v?.keyUnchecked ?? 'Resumed.', v?.missed].filter(Boolean).join(' ');
                  },
                  r.id,
                ),
            )
          : pause,
        button('Edit', 'edit', () => editor(r, item)),
        remove,
      ),
    );
  if (said?.id === r.id) item.append(saidLine(said));
  return item;
}

/**
 * The control on a card the keyboard is on (its data-act), to come back to when redrawn; forgotten
 * once the focus goes elsewhere (another control, the sheet), not when a redraw or a call under way
 * (its button disabled) takes it.
 */
let lastAct: string | undefined;
let drawing = false;
list.addEventListener('focusin', (event) => {
  lastAct = event.target instanceof HTMLElement ? event.target.dataset.act : undefined;
});
list.addEventListener('focusout', (event) => {
  if (!drawing && !(event.target instanceof HTMLButtonElement && event.target.disabled)) lastAct = undefined;
});

/**
 * The cards whose Edit form or Delete question is open, but the one acted on (`except`): not drawn
 * again, so what is typed there, the keyboard and an open choice stay.
 */
function inUse(except?: string): Map<string, Element> {
  const cards = new Map<string, Element>();
  for (const open of list.querySelectorAll('.editor, .confirm')) {
    const card = open.closest<HTMLElement>('.card');
    const id = card?.dataset.id;
    if (card && id && id !== except) cards.set(id, card);
  }
  return cards;
}

/** What a card kept shows but its heading, its buttons, its open Edit or question and its said line. */
const shows = (c: Element) => !c.matches('h2, .actions, .editor, .confirm, .said');

/**
 * A card kept (its Edit or question open) shows what `fresh`, drawn from the new read, shows: its
 * rows (Next run, Last run, Frequency) and words (a zone that moved), or they spoke of the zone
 * before. Only those are put in, not `fresh` itself: the card stays in the page, so the keyboard and
 * an open choice in its Edit stay, and its buttons act on it (their clicks open Edit and questions
 * on the card they were drawn with). A focused "Why it failed" comes back as any button (render).
 */
function showAnew(keep: Element, fresh: HTMLElement): void {
  if (keep instanceof HTMLElement) keep.dataset.health = fresh.dataset.health;
  for (const old of [...keep.children]) if (shows(old)) old.remove();
  keep.querySelector(':scope > h2')?.after(...[...fresh.children].filter(shows));
}

/** The list the cards were last drawn from whole (none kept as they were), as JSON. */
let drawnFrom = '';

/**
 * Draws the list read; `acted`, the refresh an action was pressed on (its card is drawn anew).
 * `refused`: that action was refused, and the card's open Edit goes into its new card as the person
 * left it, to correct and save again beside the refusal: drawn anew, it closed, and opened again
 * showed the saved hour, not the one picked.
 */
function render(read: RefreshView[], acted?: string, refused = false): void {
  listed = true;
  // A read that changed nothing (most: each minute, and each time the person comes back to the
  // sidebar, just before they click) leaves the cards as they are: a card drawn anew under the
  // pointer as it clicks could lose the click, or close a "Why it failed" just opened.
  const json = JSON.stringify(read);
  if (acted === undefined && json === drawnFrom) {
    readAgainLater();
    return;
  }
  const refreshes = byUrgency(read);
  shown = refreshes;
  // An answer of a card whose run or pause has changed since (a later run ended) is old: it goes,
  // from the line under the list too, rather than stay beside what it no longer says.
  const of = said && refreshes.find((r) => r.id === said?.id);
  if (of && stateOf(of) !== said?.state) say('');
  // None: the list says so, and the list's description is empty.
  summary.hidden = !refreshes.length;
  summary.replaceChildren(
    ...(refreshes.length ? summaryParts(refreshes) : []).flatMap(({ text, alarm }, i) => [
      i ? ' · ' : '',
      alarm ? el('span', { class: alarm }, text) : text,
    ]),
  );
  const kept = inUse(acted);
  const carried = refused && acted ? list.querySelector(`[data-id="${CSS.escape(acted)}"] > .editor`) : null;
  const typing = carried?.contains(document.activeElement) ? document.activeElement : null;
  // A card kept names the zone its hour is in all the same (File ▸ Settings may have changed it
  // meanwhile) at its open Edit's hour; its rows and words are redrawn below (showAnew).
  // A refusal of its save says so itself (zone-shown.ts).
  for (const r of refreshes) editing.get(r.id)?.nameZone(r.zone, refused && r.id === acted);
  for (const id of editing.keys())
    if (!kept.get(id)?.querySelector('.editor') && !(carried && id === acted)) editing.delete(id);
  const cards = refreshes.map((r) => kept.get(r.id) ?? card(r));
  // Before its "said" line, which say() appends under it.
  if (carried) cards.find((c) => c instanceof HTMLElement && c.dataset.id === acted)?.append(carried);
  drawnFrom = kept.size ? '' : json;
  drawing = true;
  for (const r of refreshes) {
    const keep = kept.get(r.id);
    if (keep) showAnew(keep, card(r));
  }
  // A card kept is never taken out of the page (that would drop the keyboard from it): the others
  // are put around it, in the list's order.
  const drawn = new Set(cards);
  for (const old of [...list.children]) if (!drawn.has(old)) old.remove();
  let at = list.firstElementChild;
  for (const c of cards)
    if (c === at) at = c.nextElementSibling;
    else list.insertBefore(c, at);
  if (acting) for (const b of list.querySelectorAll('button')) b.disabled = true;
  // Moved with its Edit, the keyboard stays where it was in it (Save), not on the card's Edit.
  if (typing instanceof HTMLElement && typing.isConnected) typing.focus({ preventScroll: true });
  drawing = false;
  // Its card gone (deleted), what was said of it stays on the line under the list.
  if (said && !refreshes.some((r) => r.id === said?.id)) {
    said = undefined;
    status.classList.remove('sr-only');
  }
  if (!refreshes.length) list.append(noneYet());
  // Drawing the list again (every few seconds while a refresh runs, or after an action) takes the
  // focused button away: the focus goes to the same button on the new card, not to the page, while
  // the person is in the sidebar only (focusLost). That button no longer offered (Run now on a card
  // whose sheet is gone, or whose run it started is under way, Stop once pressed), it goes to the
  // card's heading, as Pull's and Push's wait at their progress (dom.ts): never to the button now
  // first in its place, Stop after Run now, where the next Enter of a double press would stop the run.
  if (focusLost() && lastAct)
    (
      list.querySelector<HTMLElement>(`[data-act="${lastAct}"]`) ??
      list.querySelector<HTMLElement>(`[data-id="${CSS.escape(lastAct.split(' ')[0] ?? '')}"] h2`)
    )?.focus({ preventScroll: true });
  readAgainLater();
}

/**
 * The list with none: a refresh is saved from Pull data, so the way there is here. Pull data opens
 * in this sidebar's place (data-act: drawn again, the keyboard stays on it; see render).
 */
function noneYet(): HTMLElement {
  const open = el('button', { type: 'button', class: 'primary', 'data-act': 'pull' }, 'Open Pull data…');
  open.addEventListener('click', () => {
    say('Opening Pull data…');
    busy([open], () => callServer('showPullSidebar')).catch((error) => say(errorMessage(error), 'error'));
  });
  return el(
    'li',
    { class: 'none' },
    'No scheduled refreshes in this spreadsheet yet.',
    el('div', { class: 'actions' }, open),
  );
}

/** A mouse button held down on the list: the card under it is not drawn again until the click. */
let pressing = false;
list.addEventListener('pointerdown', () => {
  pressing = true;
});
// The click comes after pointerup, in the same task: let it land first.
window.addEventListener('pointerup', () => window.setTimeout(() => (pressing = false)));
// Runs may have ended while the user was away, or the sidebar hidden (hiding it stops the reads);
// File ▸ Settings may have changed the zone its cards' hours are in: read again when the person may
// be back (the pointer back over the sidebar too), as Pull data does.
document.addEventListener('visibilitychange', () => readAgainLater(ON_RETURN_MS));
lookWhenBack(async () => readAgainLater(ON_RETURN_MS));
// Said when done, so a screen reader hears that Reload did something (the list may look the same).
byId('reload').addEventListener(
  'click',
  () => void act('Loading', () => callServer('listRefreshes'), 'Reloaded: the list is as it stands now.'),
);
// The list is what loading shows: nothing more to say once it is there. Not read, the sidebar says
// why at its top, with Try again (first-read.ts), not an empty list that reads as none.
say('Loading…');
// No key of the caller's: said at the top, in the words Pull data and Push rows say it. Not read,
// nothing is said: Run now and Resume say it when pressed.
void callServer('getKeyNotice').then(showKeyNotice, () => undefined);
void firstRead(() => callServer('listRefreshes')).then((refreshes) => {
  render(refreshes);
  say('');
});
focusHeading();
