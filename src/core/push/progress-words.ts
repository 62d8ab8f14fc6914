// The Push sidebar's words for a push's progress. Its own file: the page imports it, and
// push-view.ts would bring every kind's column table into the page with it.
import { activityCount, countText, rowCount, someOf } from '../count-text';
import { AS_WRITTEN, type AsWrittenField, type AsWrittenRows } from './as-written';
import type { ReplaceAsk, Replacing } from './association-rows';
import { type CountedRows, countedRowsText } from './counted-rows';
import type { PushKind } from './kinds';
import type { PushView } from './push-view';
import type { ValidateSummary } from './run-push';

/**
 * The sidebar's heading and count for a push. A template sheet is named after its kind, so the
 * kind is said once; a push with no row to send (all to fix or already done) says so, not "0 of 0",
 * and so do one whose rows are not counted yet and one stopped before any (a sheet refused whole).
 * `heard`: the heading as a screen reader says it, where the keyboard waits for the push and then
 * finds how it ended (as Pull data's heading says "Done"): the arrow in words, not "right arrow",
 * and once over, how it ended first, in pushView's words.
 */
export function progressWords(view: PushView): { title: string; heard: string; count: string } {
  const to = (arrow: string) => {
    const from = `"${view.sheet}" ${arrow} Assembled`;
    return view.sheet.startsWith(view.label) ? from : `${view.label}: ${from}`;
  };
  const ended = view.state === 'done' ? 'Finished: ' : view.state === 'failed' ? 'Stopped: ' : '';
  return {
    title: to('→'),
    heard: `${ended}${to('to')}`,
    count: view.preparing
      ? 'Checking the rows'
      : view.total > 0
        ? // Rows sent still leave rows to fix: those Assembled refused and those not sent,
          // counted as the summary below and the log count them.
          `${rowsSent(view)}${view.failed ? `, ${view.failed} refused by Assembled` : ''}${view.invalid ? `; ${view.invalid} to fix, not sent` : ''}${notSentWords(view.notSent)}`
        : view.state === 'failed'
          ? 'Nothing was sent'
          : 'No rows to send',
  };
}

/**
 * The rows a push had to push: those it set out to send and those to fix, not sent. The bar and
 * "4 of 5 rows sent" count over them, so a push that held a row back never reads "4 of 4".
 */
export const rowsToPush = (p: { total: number; invalid: number }): number => p.total + p.invalid;

/** A push's "4 of 5 rows sent", of its rowsToPush. */
export function rowsSent(p: { done: number; total: number; invalid: number }): string {
  return `${countText(p.done)} of ${rowCount(rowsToPush(p))} sent`;
}

/** Rows changed or added during a push, so not sent, after its count of rows sent; '' when none. */
export function notSentWords(notSent: number | undefined): string {
  return notSent ? `; ${notSent} changed or added during the push, not sent` : '';
}

/**
 * Validate's and Push's words for a sheet with no row to push: a pulled schedule whose rows all
 * lack an Action has rows, and is told what to fill in, not that it has none.
 */
export function nothingToPush(sheet: string, listed: number, then: string): string {
  if (listed === 1)
    return `Nothing to push: the 1 activity listed in "${sheet}" has no Action. Put create, update or delete in its Action to change it.`;
  return listed
    ? `Nothing to push: the ${countText(listed)} activities listed in "${sheet}" have no Action. Put create, update or delete in the Action of each row to change.`
    : `Nothing to push: "${sheet}" has no rows under its header. Add rows, then ${then}.`;
}

/**
 * Push's word on rows it `found` in Assembled after a send whose answer was lost (outcome-words.ts
 * FOUND_AFTER_INTERRUPTION), so not sent again: said in brackets after the count of the `sent`
 * rows they are among, as how many of those ("all 6", "2 of the 6"), never beside another count
 * it could be taken for; `several`: that count is in parts ("3 created, 1 deleted"), so it is
 * named ("2 of the 4 sent"). '' when none.
 */
export function foundWords(found: number | undefined, sent: number, several = false): string {
  if (!found) return '';
  const all = found >= sent;
  if (all && found === 1) return ' (found in Assembled after its answer was lost; not sent twice)';
  const of = `${countText(sent)}${several ? ' sent' : ''}`;
  const which = all ? `all ${of}` : `${countText(found)} of the ${of}`;
  return ` (${which} found in Assembled after ${found === 1 ? 'its' : 'their'} answer was lost; none sent twice)`;
}

/** Validate's and Push's word on listed rows with no Action (a pulled schedule's other rows). */
export function listedWords(listed: number): string {
  return `${countText(listed)} listed with no Action (left as ${listed === 1 ? 'it is' : 'they are'})`;
}

/**
 * Validate's and Push's words on their `skipped` done rows of a `kind`, `done` saying how ("already
 * done", "and skipped"): those moved by a sort and those changed since told apart in the same
 * words, so both summaries count the same rows the same way (a row whose change a later row sent is
 * neither).
 */
export function doneWords(kind: PushKind, done: string, skipped: number, moved = 0, changed = 0): string[] {
  return [
    `${countText(skipped)} ${done}`,
    ...(moved ? [movedWords(moved, skipped)] : []),
    ...(changed ? [changedSinceWords(changed, skipped, kind)] : []),
  ];
}

/**
 * The Push status of a row Assembled has as it reads already (an association whose agent holds that
 * very ID), which nothing needs sending: not sent, and not done either, so checked afresh each time.
 */
export const IN_ASSEMBLED = 'already in Assembled';

/** Validate's and Push's word on their rows IN_ASSEMBLED. */
export function inAssembledWords(rows: number): string {
  return `${countText(rows)} ${IN_ASSEMBLED} (nothing to send)`;
}

/**
 * Which of the `of` rows just counted `count` are, after that count: `alone` when it is the only
 * one ("1 already done and skipped, changed…" has no "one of them" to pick from), else "one of
 * them", "2 of them", "both" or "all of them".
 */
const whichOf = (count: number, of: number, alone = 'it'): string =>
  count === 1
    ? of === 1
      ? alone
      : 'one of them'
    : count < of
      ? `${countText(count)} of them`
      : count === 2
        ? 'both'
        : 'all of them';

/**
 * Validate's and Push's word, after their count (`of`) of OK rows or rows associated, on those of
 * them that replace the ID their agent holds on that platform, which only each row's Push message
 * said: a push of many rows hid that some wrote over IDs in use. '' when none.
 */
export function replacingWords(replacing: Replacing | undefined, of: number, sent: boolean): string {
  if (!replacing?.count) return '';
  return `${whichOf(replacing.count, of)} ${replacedText(replacing, sent)}`;
}

/**
 * "replace the ID their agents have on that platform in Assembled (rows 3 and 5: …)", after who;
 * `where` in the brackets in place of the rows and where their Push messages name the IDs.
 */
function replacedText(replacing: Replacing, sent: boolean, where = replacedWhere(replacing, sent)): string {
  const one = replacing.count === 1;
  return `${sent ? 'replaced' : one ? 'replaces' : 'replace'} the ID ${one ? 'its agent' : 'their agents'} ${sent ? 'had' : one ? 'has' : 'have'} on that platform in Assembled (${where})`;
}

/** The rows replacing IDs, "rows 3 and 5: each row's Push message names the ID it replaces". */
function replacedWhere(replacing: Replacing, sent: boolean): string {
  const id = sent ? 'the ID replaced' : 'the ID it replaces';
  return `${countedRowsText(replacing)}: ${replacing.count === 1 ? 'its' : "each row's"} Push message names ${id}`;
}

/** Rows Push's question says as sentences, with the new IDs; more are listed in one. */
const ASKED_ONE_BY_ONE = 3;

/**
 * Push's question on the rows replacing their agent's ID (run-push.ts PushAsk.replace): each named
 * with the IDs when few, "Row 5 replaces jose.kim@example.com's intercom ID 7001003 with 7003003",
 * else counted, the first named with the ID each replaces, "(row 3: ava@example.com's zendesk ID
 * 5170678, …)": asked before Validate, no Push message names them yet.
 */
export function replaceAskWords(replace: ReplaceAsk): string {
  const { count, named } = replace;
  const more = count - named.length;
  const ids = named.map((r) => `row ${r.row}: ${r.agent}'s ${r.platform} ID ${r.was}`);
  const rows =
    count <= ASKED_ONE_BY_ONE
      ? someOf(
          named.map((r) => `row ${r.row} replaces ${r.agent}'s ${r.platform} ID ${r.was} with ${r.id}`),
          named.length,
          'and',
        ).replace(/^r/, 'R')
      : `${rowCount(count)} ${replacedText(
          replace,
          false,
          more > 0
            ? `${ids.join(', ')} and ${countText(more)} more: Validate writes each beside its row`
            : someOf(ids, ids.length, 'and'),
        )}`;
  return `${rows}. A person has one ID per platform in Assembled: once pushed, the ID replaced is no longer theirs.`;
}

/**
 * Push's word, after its count (`of`) of requests created, on those in the past (pastWords), which
 * only each row's Push message said: a mistyped year among many rows went unseen. '' when none.
 */
export function pastSentWords(past: CountedRows | undefined, of: number): string {
  if (!past?.count) return '';
  const one = past.count === 1;
  return `${whichOf(past.count, of)} ${one ? 'is' : 'are'} in the past (${countedRowsText(past)}: ${one ? 'its Push message says' : 'their Push messages say'} what to do if a date was mistyped)`;
}

/**
 * Validate's and Push's word, after their count (`of`) of OK rows or rows sent, on those sending a
 * name Assembled does not know as written (as-written.ts), one clause for each sort of name: "one
 * of them sends a state Assembled does not know (row 8: coffee)", "sent" once `sent`. Only each
 * row's Push message said it.
 */
export function asWrittenWords(counted: AsWrittenRows | undefined, of: number, sent = false): string[] {
  return Object.entries(AS_WRITTEN).flatMap(([field, noun]) => {
    const c = counted?.[field as AsWrittenField];
    if (!c?.count) return [];
    const what = c.names.length === 1 ? `a ${noun}` : `${noun}s`;
    const list = `${countedRowsText(c)}: ${someOf(c.names, 3, 'and')}`;
    return [
      `${whichOf(c.count, of)} ${sent ? 'sent' : c.count === 1 ? 'sends' : 'send'} ${what} Assembled does not know (${list})`,
    ];
  });
}

/** Validate's first line: the rows counted as Push counts them, and that nothing was sent. */
export function validatedWords(v: ValidateSummary): string {
  const replacing = replacingWords(v.replacing, v.ok, false);
  const parts = [
    `${v.ok} OK`,
    ...(replacing ? [replacing] : []),
    ...asWrittenWords(v.asWritten, v.ok),
    `${v.errors} to fix`,
    ...(v.inAssembled ? [inAssembledWords(v.inAssembled)] : []),
    ...doneWords(v.kind, 'already done', v.skipped, v.moved, v.changed),
    ...(v.listed ? [listedWords(v.listed)] : []),
  ];
  return `${parts.join(', ')}, in "${v.sheet}". Nothing was sent.`;
}

/**
 * Kinds whose changes cannot be sent: an ingested state has no id to change it by through the API
 * (kinds.ts INGESTED_NO_ID), and its rows' Push messages say so rather than how to send it.
 */
const CHANGED_ONLY_IN_ASSEMBLED: readonly PushKind[] = ['agent_states'];

/**
 * Push's word on the `changed` of its `skipped` done rows of a `kind` changed since they were
 * pushed, after "N already done and skipped": one row is "it", more are "they", each with its own
 * Push message ("1 already done and skipped, changed since…" has no "one of them" to pick from).
 * That message says what to do, which is not always to send the change (an Action emptied alone
 * has nothing to send, edit-how.ts), so these words say no more; for a kind that cannot send a
 * change, they say where to make it.
 */
export function changedSinceWords(changed: number, skipped: number, kind: PushKind): string {
  const only = CHANGED_ONLY_IN_ASSEMBLED.includes(kind);
  if (changed === 1)
    return `${skipped === 1 ? '' : 'one of them '}changed since it was pushed (${only ? 'not sent: an ingested state can only be changed in Assembled itself, as its Push message says' : 'its Push message says what to do'})`;
  return `${whichOf(changed, skipped)} changed since they were pushed (${only ? 'not sent: ingested states can only be changed in Assembled itself, as their Push messages say' : 'their Push messages say what to do'})`;
}

/**
 * Push's word on the `moved` of its `skipped` done rows holding cells another row was pushed with,
 * after "N already done and skipped", as changedSinceWords counts them.
 */
export function movedWords(moved: number, skipped: number): string {
  const which = whichOf(moved, skipped, '');
  const say = moved === 1 ? 'its Push message says' : 'their Push messages say';
  return `${which && `${which} `}moved by a sort that left out the Push status columns (${say} how to undo it)`;
}

/** How Assembled deletes what a write overlaps: Validate's words and the pushed row's say it alike. */
export const WHOLE = 'whole, not just the overlapping part';

/** Validate's word on the OK creates sent without Allow conflicts TRUE (run-push.ts counts them). */
export function removingWords(removing: number): string {
  return removing === 1
    ? `1 OK create has Allow conflicts not ticked: Assembled deletes any of the agent's activities it overlaps, ${WHOLE} (ticking it keeps them).`
    : `${countText(removing)} OK creates have Allow conflicts not ticked: Assembled deletes any of their agents' activities they overlap, ${WHOLE} (ticking it keeps them).`;
}

/**
 * Validate's word on the OK activity updates (run-push.ts counts them): Allow conflicts cannot keep
 * what an update overlaps (TRUE is refused on one), so they are not told to set it.
 */
export function updatingWords(updating: number): string {
  return updating === 1
    ? `1 OK update may delete any of the agent's activities its times overlap, ${WHOLE}: Assembled keeps overlaps for a create only.`
    : `${countText(updating)} OK updates may delete any of their agents' activities their times overlap, ${WHOLE}: Assembled keeps overlaps for a create only.`;
}

/** Validate's word on OK rows pushed before as they stand, their status and ID cleared since. */
export function againWords(again: number): string {
  return again === 1
    ? '1 OK row was pushed before as it stands (its Push status and Assembled ID cleared since): pushed again, it is made a second time in Assembled. Its Push message says more.'
    : `${countText(again)} OK rows were pushed before as they stand (their Push status and Assembled ID cleared since): pushed again, they are made a second time in Assembled. Their Push messages say more.`;
}

/**
 * Validate's word on the windows to clear that read well (run-push.ts counts them), and Push's
 * question: a clear cannot be undone. Each row names its own agents and window.
 */
export function clearingWords({
  rows,
  activities,
  cut,
}: {
  rows?: number;
  activities?: number;
  cut?: number;
}): string {
  if (activities === undefined) {
    const what =
      rows === undefined
        ? "each row's agents inside that row's window"
        : rows === 1
          ? "the row's agents inside its window"
          : `the row's agents inside the row's window, in each of the ${countText(rows)} rows`;
    return `Push removes every activity of ${what}, and that cannot be undone.`;
  }
  const windows =
    rows === undefined
      ? "the rows' windows"
      : rows === 1
        ? "the row's window"
        : `the ${countText(rows)} rows' windows`;
  if (!activities && cut)
    return `Push would cut ${activityCount(cut)} at the edges of ${windows} and remove none inside ${rows === 1 ? 'it' : 'them'}, as the schedule stands now, and that cannot be undone.`;
  const edges = cut ? ` and cut ${countText(cut)} at ${rows === 1 ? 'its' : 'their'} edges` : '';
  return `Push would remove ${activityCount(activities)} inside ${windows}${edges}, as the schedule stands now, and that cannot be undone.`;
}
