import { countText, someOf } from '../../../core/count-text';
import { duration } from '../../../core/duration';
import { doubledWords } from '../../../core/push/doubled-columns';
import type { PushKind } from '../../../core/push/kinds';
import type { OthersPush } from '../../../core/push/others-push';
import {
  againWords,
  clearingWords,
  nothingToPush,
  progressWords,
  removingWords,
  replaceAskWords,
  rowsToPush,
  updatingWords,
  validatedWords,
} from '../../../core/push/progress-words';
import { pushTone } from '../../../core/push/push-tone';
import type { KindChoice, PushOptions, PushView } from '../../../core/push/push-view';
import type { PushAsk } from '../../../core/push/run-push';
import { askInPage, type Question } from '../../ask-in-page';
import { checkAgain } from '../../check-again';
import {
  bringIntoView,
  busy,
  byId,
  el,
  focusLost,
  markInvalid,
  requestKey,
  type Said,
  showAnswer,
  showStatus,
  stayAtOutcome,
  type Tone,
  waitAtProgress,
} from '../../dom';
import { focusHeading } from '../../first-focus';
import { firstRead } from '../../first-read';
import { showKeyNotice } from '../../key-notice';
import { lookWhenBack } from '../../look-when-back';
import { callServer, errorMessage } from '../../rpc';

const kind = byId<HTMLSelectElement>('kind');
const kindHelp = byId('kindHelp');
const sheetName = byId('sheetName');
const sheetSaid = byId('sheetSaid');
const frontSaid = byId('frontSaid');
const status = byId('status');
const syncStatus = byId('syncStatus');
const buttons = ['template', 'validate', 'push', 'refreshSheet'].map((id) => byId<HTMLButtonElement>(id));
const [templateButton, validateButton, pushButton, refreshButton] = buttons as [
  HTMLButtonElement,
  HTMLButtonElement,
  HTMLButtonElement,
  HTMLButtonElement,
];
const syncButton = byId<HTMLButtonElement>('sync');
let kinds: KindChoice[] = [];

/** The kind chosen; none until the user picks one or the server proposes one for the sheet. */
function current(): PushKind | undefined {
  return kinds.find((k) => k.id === kind.value)?.id;
}

const CHOOSE = 'Choose what the rows are first, above.';

/** Ties the kind to the status line while that says to choose one; false unties it. */
const kindMissing = (missing: boolean) => markInvalid(kind, missing ? status.id : undefined);

/** The chosen kind, or undefined after saying that one must be chosen. */
function chosen(): PushKind | undefined {
  const k = current();
  if (!k) {
    showStatus(status, CHOOSE, 'error');
    kindMissing(true);
    kind.focus();
  }
  return k;
}

/**
 * Names the sheet the buttons act on; `say`: aloud too, when the user asked for it (Use the sheet
 * now in front), as the name alone changes without a word.
 */
function showSheet(sheet: string, say = false): void {
  if (sheet !== sheetName.textContent) {
    // Another editor's push holds the sheet it runs on only: named another, the sidebar is free.
    unwatch?.();
    // What the last push or check of the sheet named before came to is not this sheet's: it goes
    // (Sync time off names the sheet in front, a push's outcome still on screen). A push under way
    // stays, with its Stop, named by its heading.
    forgetLastResult();
  }
  sheetName.textContent = sheet;
  // Always the sheet in front when named: nothing else to use until another tab is clicked.
  offerFront(undefined);
  sheetSaid.textContent = say ? `Validate and Push work on "${sheet}", the sheet now in front.` : '';
}

/** The sheet in front that "Use the sheet now in front" offers, when another than the one named. */
let offered: string | undefined;

/**
 * Offers "Use the sheet now in front" only when another sheet is, naming it beside the link, and
 * aloud as it is found (a link appearing is not heard), so that before Validate or Push (described
 * by these words) the person knows which sheet they would meet. Gone, its keyboard focus, if it had
 * it, goes on to the field below it rather than to the page.
 */
function offerFront(front: string | undefined): void {
  const had = document.activeElement === refreshButton;
  refreshButton.hidden = frontSaid.hidden = !front;
  // With another in front, the sheet named is no longer "the sheet in front".
  byId('sheetLead').textContent = front
    ? 'The form works on:'
    : 'Validate and Push work on the sheet in front:';
  // The space is the one before the link.
  frontSaid.textContent = front ? `"${front}" is in front now. ` : '';
  if (front !== offered)
    sheetSaid.textContent = front
      ? `"${front}" is in front now, not "${sheetName.textContent}": Use the sheet now in front to work on it.`
      : '';
  offered = front;
  if (had && !front) kind.focus({ preventScroll: true });
}

/** Asks which sheet is in front (lookWhenBack says when): another is offered, the same put away. */
async function lookAtSheetInFront(): Promise<void> {
  const named = sheetName.textContent;
  if (!named || named === '…') return;
  try {
    const front = await callServer('pushSheetInFront');
    // The sidebar named another sheet meanwhile (a button pressed): this answer is of no use.
    if (sheetName.textContent === named) offerFront(front !== named ? front : undefined);
  } catch {
    // The link stays as it was: each button checks the sheet in front anyway (sameSheetInFront).
  }
}
lookWhenBack(lookAtSheetInFront);

/** What a pull wrote into the sheet in front, if its header note says so. */
let pulled: string | undefined;

function describeKind(): void {
  const none = pulled
    ? `This sheet holds Assembled's ${pulled}, written by a pull: choose what its rows are only to send them to Assembled.`
    : "The sheet's header is not one of these kinds: choose what its rows are.";
  kindHelp.textContent =
    kinds.find((k) => k.id === current())?.summary ??
    `${none} Insert template makes a sheet for the kind chosen, with a note on each column.`;
}

/**
 * The push as last heard from the server, and when: the clock ticks between answers. `trouble` is
 * why a later check failed; it stays on screen, not the stale view's countdown.
 */
let lastPush: { view: PushView; at: number; trouble?: string } | null = null;

/**
 * A summary's `lines`, then its listed `problems`: only those stand out, red, when `errors` rows are
 * to fix (rows changed since pushed, listed alone, are not). The lines keep `tone`, but plain once it
 * is red: "20 OK", or the sheet's filter, is nothing to fix.
 */
function withRowsToFix(lines: string[], problems: string[], errors: number, tone: Tone): Said[] {
  const plain = tone === 'error' ? 'info' : tone;
  return [
    ...(lines.length > 0 ? [{ text: lines.join('\n'), tone: plain }] : []),
    ...(problems.length > 0
      ? [{ text: problems.join('\n'), tone: errors > 0 ? ('error' as const) : plain }]
      : []),
  ];
}

/** `note`: said under its heading, when the summary is no longer the sheet's latest (no all-clear then). */
function showPush(view: PushView, note = ''): void {
  lastPush = { view, at: Date.now() };
  byId('progressBox').hidden = false;
  const words = progressWords(view);
  const title = byId('progressTitle');
  title.textContent = words.title;
  // The keyboard waits here and stays when the push ends (stayAtOutcome): the heading says how it
  // ended, and its description (aria-describedby) what it came to, not only the polite status line.
  title.setAttribute('aria-label', words.heard);
  byId('progressOutcome').textContent = view.state === 'running' ? '' : view.message;
  const older = byId('progressNote');
  older.textContent = note;
  older.hidden = !note;
  const progress = byId<HTMLProgressElement>('progress');
  progress.hidden = view.total === 0;
  progress.max = Math.max(1, rowsToPush(view));
  progress.value = view.done;
  byId('progressLabel').textContent = words.count;
  byId('pushHint').hidden = byId('stopPush').hidden = view.state !== 'running';
  // Said by what it says (push-tone.ts): a note under its heading means no all-clear.
  const shown = pushTone(view, note !== '');
  // A notice says why background runs will not finish the push (the sidebar still does).
  const said = [view.message, view.notice].filter(Boolean).join(' ');
  // How it ended keeps its tone; the notes under it are plain, the rows to fix red (withRowsToFix).
  const notes = [
    ...(view.filtered ? [view.filtered] : []),
    ...(view.untickedDays ? [view.untickedDays] : []),
    ...view.doubled.map(doubledWords),
  ];
  const rest = withRowsToFix(notes, view.problems, view.invalid + view.failed, 'info');
  showStatus(status, [{ text: said, tone: shown }, ...rest], shown);
  tick();
}

function tick(): void {
  if (!lastPush) return;
  const { view, at } = lastPush;
  const since = view.state === 'running' ? Date.now() - at : 0;
  const left =
    view.state === 'running' && view.estimatedLeftMs !== null
      ? `; about ${duration(view.estimatedLeftMs - since)} left`
      : '';
  byId('progressTime').textContent = `Elapsed ${duration(view.elapsedMs + since)}${left}`;
  if (view.nextTryInMs > 0 && !lastPush.trouble) {
    // Its wait over, the try is the sidebar's call, out until it answers: a rate limit's call
    // waits out Assembled's many 1-s refusals inside it, for a minute or more, so no "in 0 s".
    const left = view.nextTryInMs - since;
    const when = left >= 500 ? `Next try in ${duration(left)}.` : 'Trying again now…';
    // A rate limit's tries, a second apart, each say the same: the wait so far is what moves.
    const waited = view.limitedForMs === null ? '' : ` Waited ${duration(view.limitedForMs + since)} so far.`;
    const next = `${view.message}${waited} ${when}`;
    status.textContent = [next, view.notice].filter(Boolean).join(' ');
  }
}
window.setInterval(tick, 1000);

/** Ends the wait before the next poll early: a push just stopped is shown stopped at once. */
let wake: (() => void) | undefined;
/** A poll under way: a Stop pressed meanwhile waits for it, as the push is being sent then. */
let polling: Promise<PushView> | undefined;
/** A Stop under way: no poll starts meanwhile (it would be sending while the stop is asked). */
let stopping: Promise<void> | undefined;

/**
 * `started`: the push was just started here, so its progress and Stop are brought into view, the
 * focus at its heading, where it stays when the push ends.
 */
async function follow(view: PushView, started = false): Promise<void> {
  showPush(view);
  if (started) {
    bringIntoView(status);
    // The keyboard, waiting at the status line while Push was disabled (busy), goes on to the heading.
    waitAtProgress(byId('progressTitle'));
  }
  while (view.state === 'running') {
    await new Promise<void>((r) => {
      wake = r;
      setTimeout(r, view.nextPollInMs);
    });
    await stopping;
    if (lastPush?.view.state !== 'running') break;
    const id = view.id;
    // `polling` is the call on its way only: a Stop pressed while a failed check waits goes at once.
    view = await checkAgain(
      () => {
        // A push stopped while a failed check waited is over: nothing more to check.
        if (lastPush && lastPush.view.state !== 'running') return Promise.resolve(lastPush.view);
        polling = callServer('pollPush', id);
        return polling;
      },
      'push',
      (words) => {
        if (lastPush) lastPush.trouble = words;
        showStatus(status, words, 'error');
      },
    ).finally(() => {
      polling = undefined;
    });
    showPush(view);
  }
  // How it ended is the answer to Push (or Stop): in view, where the buttons left the eye, and
  // the keyboard at its heading, not on Push (a second Enter would push again).
  bringIntoView(status);
  stayAtOutcome(byId('progressTitle'));
}

/** Ends the watch of another editor's push at once, and frees Validate and Push. */
let unwatch: (() => void) | undefined;

/**
 * Another editor's push of the sheet: the server would refuse Validate and Push meanwhile, so they
 * wait, and the sidebar asks after it as it follows its own, to say when it is over. The other
 * buttons stay free: Insert template's new sheet, or the sheet now in front, is not held, and
 * naming another sheet ends the wait (showSheet).
 */
function watch(others: OthersPush): void {
  unwatch?.();
  const held = [validateButton, pushButton];
  for (const b of held) b.disabled = true;
  let over = false;
  let wake = () => {};
  const end = () => {
    if (over) return;
    over = true;
    wake();
    for (const b of held) b.disabled = false;
    stopOthersButton.hidden = true;
    if (unwatch === end) unwatch = undefined;
  };
  unwatch = end;
  watched = others.id;
  showOthers(others);
  const follow = async () => {
    while (others.running) {
      const id = others.id;
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, others.nextPollInMs);
      });
      if (over) return;
      others = await checkAgain(
        () => callServer('watchPush', id),
        'push',
        (words) => showStatus(status, words, 'error'),
      );
      if (over) return;
      showOthers(others);
    }
  };
  void follow().finally(end);
}

/** Another editor's push as last heard of; stalled, with Stop their push. */
function showOthers(others: OthersPush): void {
  showStatus(status, others.message, others.running ? 'info' : 'ok');
  stopOthersButton.hidden = !others.stoppable;
}

/**
 * Runs `work` with `controls` off, as busy does; what it throws is said at `said` in red (its
 * result then none), where the keyboard waits rather than on the button turned off.
 */
function busyTold<T>(
  controls: HTMLButtonElement[],
  work: () => Promise<T>,
  said = status,
  waitAt?: HTMLElement,
): Promise<T | undefined> {
  const told = async () => {
    try {
      return await work();
    } catch (error) {
      showAnswer(said, errorMessage(error), 'error');
      return undefined;
    }
  };
  return busy(controls, told, waitAt);
}

/** The other editor's push watched, for Stop their push. */
let watched: string | undefined;
const stopOthersButton = byId<HTMLButtonElement>('stopOthers');
stopOthersButton.addEventListener('click', () => {
  const id = watched;
  if (!id) return;
  void busyTold([stopOthersButton], async () => {
    const over = await callServer('stopOthersPush', id);
    // Over: Validate and Push are free for the rows left, sent with the caller's own key.
    unwatch?.();
    showAnswer(status, over.message, 'ok');
  }).then(() => stayAtOutcome(status, [stopOthersButton]));
});

const stopButton = byId<HTMLButtonElement>('stopPush');
stopButton.addEventListener('click', () => {
  const id = lastPush?.view.id;
  if (!id) return;
  stopping = busy([stopButton], async () => {
    try {
      await polling?.catch(() => undefined);
      showPush(await callServer('stopPush', id));
    } catch (error) {
      showAnswer(status, errorMessage(error), 'error');
    } finally {
      stopping = undefined;
      wake?.();
    }
  });
});

/** Columns the kind leaves unread, named: many say the sheet holds something else. */
function unreadLine(label: string, unread: string[]): string {
  const names = someOf(
    unread.map((h) => `"${h}"`),
    5,
  );
  return `Columns not read as "${label}": ${names}. Check that the rows are what you chose.`;
}

async function load(say = false): Promise<OthersPush | undefined> {
  return goOn(await read(say));
}

/** Reads the sheet in front and what its rows can be sent as, and shows them. */
async function read(say = false): Promise<PushOptions> {
  const options = await callServer('getPushOptions');
  kinds = options.kinds;
  showKeyNotice(options);
  // A choice holds for the sheet it was made on; another sheet is what the server proposes for it
  // (the kind its rows last went as, or what its header reads as), or nothing.
  const was = sheetName.textContent === options.sheet ? kind.value : '';
  kind.replaceChildren(
    el('option', { value: '' }, 'Choose…'),
    ...kinds.map((k) => el('option', { value: k.id }, k.label)),
  );
  kind.value = options.detected ?? was;
  pulled = options.pulled;
  showSheet(options.sheet, say);
  describeKind();
  return options;
}

/** A push under way is followed; else the last one is shown. Another editor's push is given back. */
async function goOn(options: PushOptions): Promise<OthersPush | undefined> {
  const running = options.running;
  // Reopened during a push, the sidebar holds the buttons while it follows, as Push does.
  if (running) await busy(buttons, () => follow(running));
  else if (options.last) showPush(options.last, options.lastNote);
  // Another editor's push to wait on, watched once the caller has freed its buttons.
  return running ? undefined : options.othersPush;
}

/**
 * The buttons act on the sheet in front when pressed. If that is no longer the sheet this sidebar
 * names, it says so and acts on nothing: the user presses again knowing which sheet it will be.
 */
async function sameSheetInFront(said = status): Promise<boolean> {
  const was = sheetName.textContent;
  const options = await callServer('getPushOptions');
  if (options.sheet === was) return true;
  showSheet(options.sheet);
  kind.value = options.detected ?? '';
  pulled = options.pulled;
  describeKind();
  showAnswer(
    said,
    `The sheet in front is now "${options.sheet}", not "${was}". Nothing was done: press the button again to use "${options.sheet}".`,
    // Nothing went wrong: news, not a failure in red.
    'info',
  );
  return false;
}

/** The kind of rows chosen, with the sheet in front the one named; none when either is not (said). */
async function chosenInFront(): Promise<PushKind | undefined> {
  return (await sameSheetInFront()) ? chosen() : undefined;
}

/**
 * What an earlier push or check said no longer holds once another action starts; a push still
 * running stays in view, with its Stop button, whatever is pressed.
 */
function forgetLastResult(): void {
  kindMissing(false);
  sheetSaid.textContent = '';
  if (lastPush?.view.state === 'running') return;
  lastPush = null;
  byId('progressBox').hidden = true;
  showStatus(status, '');
}

kind.addEventListener('change', () => {
  describeKind();
  // Chosen: the words asking for a choice no longer hold.
  if (kind.hasAttribute('aria-invalid')) {
    kindMissing(false);
    showStatus(status, '');
  }
});

refreshButton.addEventListener('click', () => {
  forgetLastResult();
  // Asked afresh: the sheet in front may be held by another push, or not.
  unwatch?.();
  void busyTold(buttons, () => load(true)).then((others) => {
    // Gone now that it names the sheet in front, the link hands the keyboard to the field below it.
    if (refreshButton.hidden && focusLost()) kind.focus({ preventScroll: true });
    if (others) watch(others);
  });
});

templateButton.addEventListener('click', () => {
  forgetLastResult();
  showStatus(status, 'Inserting a template…');
  const k = chosen();
  if (!k) return;
  // Only the buttons free now: Validate and Push held for another editor's push stay so (watch).
  const free = buttons.filter((b) => !b.disabled);
  void busyTold(
    free,
    async () => {
      const { sheet } = await callServer('insertPushTemplate', k);
      showSheet(sheet);
      showAnswer(status, `Sheet "${sheet}" is ready: each header cell has a note on what goes in it.`, 'ok');
    },
    status,
    status,
  );
});

validateButton.addEventListener('click', () => {
  forgetLastResult();
  showStatus(status, 'Checking every row…');
  void busyTold(
    buttons,
    async () => {
      const k = await chosenInFront();
      if (!k) return;
      const v = await callServer('validatePush', k);
      const label = kinds.find((c) => c.id === k)?.label ?? k;
      const lines =
        v.rows === 0
          ? [nothingToPush(v.sheet, v.listed, 'validate')]
          : [
              validatedWords(v),
              ...(v.filtered ? [v.filtered] : []),
              ...(v.otherZone ? [v.otherZone] : []),
              ...(v.gone ? [v.gone] : []),
              ...(v.untickedDays ? [v.untickedDays] : []),
              ...(v.removing > 0 ? [removingWords(v.removing)] : []),
              ...(v.updating > 0 ? [updatingWords(v.updating)] : []),
              ...(v.clearing ? [clearingWords(v.clearing)] : []),
              ...(v.again > 0 ? [againWords(v.again)] : []),
              ...(v.unread.length > 0 ? [unreadLine(label, v.unread)] : []),
              ...v.doubled.map(doubledWords),
            ];
      // Unread columns, columns that fit a field another fills, rows changed since pushed, rows that remove activities, rows pushed before, pushed rows deleted, rows read as whole days with All day not ticked, rows replacing an agent's ID, rows sending a name Assembled does not know and a filter's rows read too are worth a look
      // even when every row reads well: not the all-clear green.
      const note =
        v.unread.length + v.doubled.length > 0 ||
        v.changed + v.moved > 0 ||
        v.removing > 0 ||
        v.updating > 0 ||
        v.again > 0 ||
        !!v.gone ||
        !!v.untickedDays ||
        !!v.filtered ||
        !!v.clearing ||
        !!v.replacing ||
        !!v.asWritten;
      clearing = v.clearing ? { sheet: v.sheet, words: clearingWords(v.clearing) } : undefined;
      const tone = v.errors > 0 ? 'error' : note ? 'info' : 'ok';
      showAnswer(status, withRowsToFix(lines, v.rows === 0 ? [] : v.problems, v.errors, tone), tone);
    },
    status,
    status,
  );
});

/** What the last Validate said windows to clear would remove, for the sheet it checked. */
let clearing: { sheet: string; words: string } | undefined;

// What cannot be taken back is asked first, inside the page (ask-in-page.ts): windows to clear (with
// what this sidebar's last Validate of the sheet counted, or the words for any window), and rows
// pushed before whose status was cleared, which would be made a second time, and rows replacing an
// agent's ID in Assembled (the old one is gone once sent). A sheet with nothing to ask about is
// pushed unasked: Push then says what there is to fix or that there is nothing to send.
pushButton.addEventListener('click', () => {
  const k = chosen();
  if (!k) return;
  forgetLastResult();
  showStatus(status, 'Reading the rows…');
  let asks: PushAsk | undefined;
  // Push disabled while the rows are read, then while the push starts: the keyboard waits at the
  // line saying so, then at the progress heading (follow), never on the page.
  void busyTold(
    buttons,
    async () => {
      if (await sameSheetInFront()) asks = await callServer('askBeforePush', k);
    },
    status,
    status,
  ).then(() => {
    if (!asks) return;
    const question = askFor(asks);
    if (!question) return push();
    showStatus(status, '');
    askInPage(
      question,
      pushButton,
      document,
      (box) => pushButton.parentElement?.after(box),
      (close) => {
        close();
        push();
      },
      () => showAnswer(status, question.declined),
    );
  });
});

/** The question Push asks before sending, if any, and what is said when it is declined. */
function askFor({ clear, cancel, again, replace }: PushAsk): (Question & { declined: string }) | undefined {
  // Only associations replace IDs, and they are never made twice (nor clear nor cancel): one question.
  if (replace)
    return {
      question:
        replace.count === 1
          ? 'Replace this ID in Assembled?'
          : `Replace these ${countText(replace.count)} IDs in Assembled?`,
      text: replaceAskWords(replace),
      yes: 'Push anyway',
      keep: 'Cancel',
      declined: 'Nothing was sent: no ID was replaced.',
    };
  if (clear > 0) {
    const counted = clearing?.sheet === sheetName.textContent ? clearing.words : undefined;
    return {
      question: 'Clear these windows?',
      text: counted ?? clearingWords({ rows: clear }),
      yes: 'Clear them',
      keep: 'Keep them',
      declined: 'Nothing was sent: no window was cleared.',
    };
  }
  if (cancel > 0) {
    const requests = cancel === 1 ? 'this time-off request' : `these ${cancel} time-off requests`;
    return {
      question: `Cancel ${requests}?`,
      text: `Cancel ${cancel === 1 ? '1 time-off request' : `${cancel} time-off requests`} in Assembled? This cannot be undone.`,
      yes: cancel === 1 ? 'Cancel it' : 'Cancel them',
      keep: cancel === 1 ? 'Keep it' : 'Keep them',
      declined: 'Nothing was sent: no request was cancelled.',
    };
  }
  if (again > 0)
    return {
      question: again === 1 ? 'Make this row a second time?' : `Make these ${again} rows a second time?`,
      text: againWords(again),
      yes: 'Send again',
      keep: 'Send nothing',
      declined:
        'Nothing was sent. To push the other rows only, delete the rows pushed before (Validate marks them) or give them their Push status back.',
    };
  return undefined;
}

function push(): void {
  forgetLastResult();
  showStatus(status, 'Starting the push…');
  void busy(
    buttons,
    async () => {
      try {
        const k = await chosenInFront();
        if (!k) return;
        showStatus(status, `Starting the push of "${sheetName.textContent}"…`);
        await follow(await callServer('startPush', k, requestKey()), true);
      } catch (error) {
        showAnswer(status, errorMessage(error), 'error');
        // Refused at its start, or lost touch with: the keyboard at why, not back on Push.
        stayAtOutcome(status, [pushButton, stopButton, byId('progressTitle')]);
      }
    },
    status,
  );
}

syncButton.addEventListener('click', () => {
  showStatus(syncStatus, 'Syncing…');
  void busyTold(
    [syncButton],
    async () => {
      // Sync writes into the sheet in front, as the other buttons do: the one this sidebar names.
      if (!(await sameSheetInFront(syncStatus))) return;
      const result = await callServer('syncTimeOff');
      // Written into the sheet named, Sync's word on its rows is the latest: what a push or Validate
      // said of them before goes, as it may say the opposite (Created beside a request cancelled since).
      if (result.sheet === sheetName.textContent) forgetLastResult();
      // Rows it left as they are are worth a look: no all-clear green.
      showAnswer(syncStatus, result.message, result.leftAlone ? 'info' : 'ok');
    },
    syncStatus,
  );
});

// Not read, the sidebar says why at its top, with Try again (first-read.ts): no sheet named "…".
void firstRead(() => read())
  .then(goOn)
  .then((others) => others && watch(others))
  .catch((error) => showStatus(status, errorMessage(error), 'error'));
focusHeading();
