import { cutText } from '../cut-text';
import { menuPath } from '../menu-names';
// The e-mail that tells a refresh's owner a run failed. The spreadsheet's name is set by any
// editor, so it is quoted as data: one line in quotes, cut short, with nothing a mail client would
// turn into a link (or take for an address); the only link is the spreadsheet's own URL. The
// subject carries no name at all, only the add-on's own words for the data, so that two
// refreshes' mails read apart.
import type { Zone } from '../ports';
import { quotedTarget } from '../pull/pull-target';
import { pullWords } from '../pull/pull-words';
import { isGeneratedTime } from '../pull/source-note';
import { datesWords } from '../time/dates-words';
import { sameDay } from '../time/same-day';
import { formatLocalDateTime } from '../time/zone-math';
import type { DaySpan } from './held-days';
import { keptDates, outside } from './kept-dates';
import { KEPT_ROWS, keptRows, keptToOwner } from './kept-rows';
import { nextPullsSaid } from './next-pulls';
import { nextRunIn } from './next-run';
import type { Refresh } from './refresh';
import { ITS_CARD, ITS_CARD_SAID, longWait, onceBack, ratherThanWait, runNowOn } from './run-now-pulls';
import { sheetBack } from './sheet-refresh';

const NAME_MAX = 80;
/** Refreshes a subject names before "and N more", and how long their words may run. */
const SUBJECT_NAMED = 3;
const SUBJECT_WHATS_MAX = 120;

/** A name set by someone else, made safe to show inside an e-mail as plain data. */
export function quoteAsData(name: string): string {
  const flat = name
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = cutText(flat, NAME_MAX);
  // Defanged: "https://x.example" reads "https[:]//x[.]example", which no client links.
  const defanged = cut
    .replace(/:\/\//g, '[:]//')
    .replace(/\.(?=\p{L}|\p{N})/gu, '[.]')
    .replace(/@/g, '[at]')
    .replace(/"/g, "'");
  return `"${defanged}"`;
}

/**
 * When a run given up with its next run days off is tried once more before then (run-refreshes.ts),
 * in the spreadsheet's zone; undefined when it is not.
 */
export function retryTime(refresh: Refresh, zone: Zone): string | undefined {
  if (refresh.retryAt === undefined || refresh.paused) return undefined;
  return `${formatLocalDateTime(refresh.retryAt, zone)} (${zone.name})`;
}

const onceMore = (at: string) => `It is tried once more within the hour after ${at}`;

/**
 * What happens next to a refresh whose run failed: the owner need not act to get the next run.
 * `retryTold`: its later try is said already, with the dates it was to pull (told below).
 */
export function nextRunWords(refresh: Refresh, zone: Zone, retryTold = false): string {
  // Paused by its run, for its owner's key: its message says what to do, Resume among it, in order.
  if (refresh.paused) return '';
  const next = `next at ${formatLocalDateTime(nextRunIn(refresh, zone), zone)} (${zone.name})`;
  const retry = retryTime(refresh, zone);
  if (retry && retryTold) return `After that try it runs as scheduled, ${next}.`;
  if (retry) return `${onceMore(retry)}; then it runs as scheduled, ${next}.`;
  return `It runs again as scheduled, ${next}.`;
}

/**
 * A Run now given up by its owner's background check: which run the e-mail is of, as no sidebar
 * watched it end (run-refreshes.ts endRecorded). `at`: when it was pressed.
 */
export const pressedWords = (at: number, zone: Zone) =>
  `You started this run with Run now at ${formatLocalDateTime(at, zone)} (${zone.name}); it went on in the background.`;

/**
 * A refresh failing run after run e-mails its owner when it starts failing, then about once a day
 * while it goes on: an hourly refresh down for a day would otherwise send 24 of them (and MailApp
 * sends 100 a day for a consumer account). Not a full 24 h, so a daily refresh still tells of each
 * day it fails, whatever its retries took.
 */
const MAIL_AGAIN_AFTER_MS = 20 * 60 * 60_000;

export function mailDue(before: Refresh, now: number): boolean {
  return before.mailedAt === undefined || now - before.mailedAt >= MAIL_AGAIN_AFTER_MS;
}

/**
 * A run (or the tick) that pauses a refresh e-mails at once, however recently it e-mailed
 * (run-refreshes.ts endRecorded, pauseGone): said beside the once a day, which it would belie.
 */
const PAUSE_MAILED =
  'but if it finds its API key refused or removed, or its sheet deleted, it is paused, and an e-mail says so at once';

/** How often the e-mail comes while failing goes on, and in a later one since when it has. */
export function failingWords(before: Refresh, after: Refresh, zone: Zone): string {
  if (after.paused) return '';
  if (before.failingSince === undefined)
    return `If it goes on failing, this e-mail comes at most once a day, not for every run; ${PAUSE_MAILED}.`;
  const since = `${formatLocalDateTime(before.failingSince, zone)} (${zone.name})`;
  return `It has failed every run since the one due ${since}; while it goes on failing, this e-mail comes at most once a day, ${PAUSE_MAILED}.`;
}

/**
 * What a failed run left in its sheet: a pull's table (and when its run made it), or none; or
 * nothing at all, the sheet deleted (by whom is not known: no one is named).
 */
export type SheetKept =
  | {
      pulled: boolean;
      /** The header note's "Generated:" time, as it says it. */
      generated?: string;
      /**
       * The dates its range line names (kept-dates.ts), in the spreadsheet's zone, and the first of
       * them its pull did not get whole, where the note says (source-note.ts partialFrom).
       */
      dates?: DaySpan & { alone: boolean; partialFrom?: string };
    }
  | { deleted: true };

/**
 * The run changed nothing: the sheet's rows are those last written, when (its header note's time),
 * and as its card says them (kept-rows.ts): by whom, pulled since the refresh wrote, and how many.
 */
function keptWords(sheet: string, kept: SheetKept, refresh: Refresh): string {
  if ('deleted' in kept) return `The rows the sheet ${sheet} held went with it.`;
  if (!kept.pulled) return `Nothing was written into the sheet ${sheet}.`;
  if (!kept.generated || !isGeneratedTime(kept.generated))
    return `The sheet ${sheet} ${KEPT_ROWS} before this run.`;
  const { lastGood } = refresh;
  const good = lastGood ? keptToOwner(refresh, lastGood, kept.generated) : { at: kept.generated };
  return `The sheet ${sheet} ${keptRows(refresh.spec.mode, good)}.`;
}

/** Run now for the dates lost; a paused refresh's after the Resume its message asks for, not instead. */
const runNowWords = (refresh: Refresh) =>
  `${refresh.paused ? 'After Resume, ' : ''}${runNowOn(refresh, ITS_CARD, 'them')}.`;

// As they were last pulled: by a run of the refresh, or by the pull it was saved from.
const AS_OF = 'as last pulled';

const spansWords = (spans: DaySpan[]) => spans.map(datesWords).join(' and ');

/**
 * The dates no later run pulls, said as what the sheet has of them (kept-dates.ts): those it holds
 * were not brought up to date, those it never got were not pulled; not known, neither is claimed.
 * Those it holds whole are not said: nothing of them is missing (all of them, wholeWords).
 */
function lostDatesWords(lost: DaySpan, kept: SheetKept | undefined, yet: string): string {
  const { held, whole, never } = keptDates(lost, kept);
  const rest = outside(lost, whole);
  const stale = `Not brought up to date${yet}`;
  if (!held) return `${never ? `Not pulled${yet}` : stale}: ${spansWords(never ?? rest)}.`;
  if (never?.length)
    return `${stale}: ${datesWords(held)}, which the sheet holds ${AS_OF}; not pulled: ${spansWords(never)}.`;
  if (never || (rest.length === 1 && rest[0]?.from === held.from && rest[0].to === held.to))
    return `${stale}: ${datesWords(held)}, which the sheet holds ${AS_OF}.`;
  return `${stale}: ${spansWords(rest)}; the sheet holds ${datesWords(held)} of them ${AS_OF}.`;
}

/** The failed run's dates the sheet holds whole (kept-dates.ts heldWhole): none to pull again. */
const wholeWords = (dates: DaySpan) =>
  `Nothing is missing: the sheet holds ${datesWords(dates)} whole, pulled after ${dates.from === dates.to ? 'it was' : 'they were'} over.`;

/** The dates no later run pulls, and what the owner can do: at once, or if the later try fails too. */
function lostWords(refresh: Refresh, lost: DaySpan, kept?: SheetKept, retry?: string): string {
  if (!retry) return `${lostDatesWords(lost, kept, '')} ${runNowWords(refresh)}`;
  return `${lostDatesWords(lost, kept, ' yet')} ${onceMore(retry)}; if that fails too, ${runNowWords(refresh)}`;
}

/**
 * A run given up on an outage, with no dates lost to say Run now beside: what its owner can do, as
 * its card says it, last (the lines before say when it runs next, and of a later try, when). Its
 * next run soon, nothing: sent as the run ends (lastRun.at), just after its next run was worked out.
 */
function runAgainWords(refresh: Refresh): string {
  const { lastRun } = refresh;
  if (!lastRun?.gaveUp || refresh.paused || !longWait(refresh.nextRunAt, lastRun.at)) return '';
  const act = runNowOn(refresh, ITS_CARD, 'it');
  return refresh.retryAt === undefined
    ? onceBack(act)
    : `If its later try fails too, ${ratherThanWait(act)}.`;
}

/**
 * A replace's next run pulls the dates this one was to pull: nothing to do, unless they are wanted
 * before it. Its hour alone when it is on their last day, as the log row says it (folded-runs.ts).
 */
function coveredWords(refresh: Refresh, { at, dates }: NextPulls): string {
  const due = sameDay(at, dates.to);
  return `${nextPullsSaid(due, 'this one was')} (${datesWords(dates)}), so you need do nothing. If you want them sooner, ${runNowOn(refresh, ITS_CARD, 'them')}.`;
}

function catchUpWords(from: string, lost: boolean): string {
  return lost
    ? `The next run catches up from ${from} on.`
    : `The next run catches up: it pulls again from ${from}, so the first run that works fills in what this one missed.`;
}

/** When a replace's next run is due ("2026-12-06 22:00"), and the failed run's dates it pulls. */
type NextPulls = { at: string; dates: DaySpan };

/** What a refresh's owner is told of it: a run of it failed, or it cannot run. */
export interface RefreshNotice {
  refresh: Refresh;
  /** What happened, in words for the owner. */
  message: string;
  /** The runs not started while it was retried (folded-runs.ts foldedSaid), as its card names them. */
  folded?: string;
  /** What happens next, or what to do; '' when there is nothing to add. */
  next: string;
  /** The dates the failed run was to pull that no later run pulls (catch-up.ts afterFailed). */
  lost?: { from: string; to: string };
  /**
   * With `lost`: when the run given up is tried once more (retryTime), which may pull them yet; Run
   * now is for when that try fails too.
   */
  retry?: string;
  /**
   * A replace whose next run pulls every date the failed run was to pull (catch-up.ts afterFailed):
   * when that run is due, in the spreadsheet's zone, and those dates. None are `lost` then.
   */
  covered?: NextPulls;
  /**
   * In place of `lost` or `covered`, when the sheet holds every one of those dates whole already
   * (kept-dates.ts heldWhole): nothing need be done about them.
   */
  whole?: DaySpan;
  /** A refresh that catches up: the first day its next run pulls, taking in the failed run's. */
  again?: string;
  /** What its sheet holds, when known. */
  kept?: SheetKept;
  /** Paused before its next run, which could not run (its sheet was deleted): no run failed. */
  cannotRun?: true;
  /** Its owner's other refreshes here, paused with it for the key Assembled refused at this run. */
  pausedWith?: Refresh[];
}

/** A deleted sheet's ways back, in its owner's e-mail: those its card says (sheet-refresh.ts). */
export const SHEET_BACK = `${sheetBack(ITS_CARD)}.`;

/** How the refreshes told of together ended, as a subject's verb and the body's first line say it. */
function outcome(notices: readonly RefreshNotice[]): { verb: string; line: string } {
  const cannot = notices.filter((n) => n.cannotRun).length;
  if (cannot === 0) return { verb: 'failed', line: 'did not complete' };
  if (cannot === notices.length) return { verb: 'cannot run', line: 'cannot run' };
  return { verb: 'failed or cannot run', line: 'did not complete or cannot run' };
}

// Counted, not named: a team's or agent's name is set in Assembled by others, and could be a link.
export const whatOf = (refresh: Refresh) => pullWords({ ...refresh.spec, filterNames: undefined });

/** "Teams, into the sheet "Teams"": a refresh, as an e-mail to its owner names it. */
function refreshNamed(refresh: Refresh): string {
  const { target } = refresh.spec;
  const into = quotedTarget(target, quoteAsData);
  return `${whatOf(refresh)}, into ${target.kind === 'bigquery' ? '' : 'the sheet '}${into}`;
}

/** "Refresh: Teams, into the sheet "Teams"": which refresh an e-mail to its owner is about. */
export const refreshLine = (refresh: Refresh): string => `Refresh: ${refreshNamed(refresh)}`;

/** The owner's other refreshes a refused key paused with this one (pauseForKey): each to resume too. */
function pausedWithWords(others: Refresh[]): string {
  const [one, it] = others.length === 1 ? ['refresh here runs', 'it is'] : ['refreshes here run', 'they are'];
  const them = others.length === 1 ? 'it on its card' : 'each on its card';
  return `Your other ${one} with the same key, so ${it} paused with this one: ${others.map(refreshNamed).join('; ')}. Resume ${them} too once a valid key is saved.`;
}

/** A refresh's own lines: which, into where; then what happened, what it left, what comes next. */
function told({
  refresh,
  message,
  folded,
  next,
  lost,
  covered,
  whole,
  retry,
  again,
  kept,
  pausedWith,
}: RefreshNotice): {
  which: string;
  lines: string[];
} {
  // Its sheet's name alone for a sheet; a BigQuery table is said to be one (kept is a sheet's).
  const sheet = quotedTarget(refresh.spec.target, quoteAsData);
  return {
    which: refreshLine(refresh),
    lines: [
      message,
      ...(pausedWith ? [pausedWithWords(pausedWith)] : []),
      ...(folded ? [folded] : []),
      // A relative range moves on: the dates this run was for are not pulled by the next one,
      // unless it catches up on them, or a replace's next run is before its range moves on.
      ...(lost ? [lostWords(refresh, lost, kept, retry)] : []),
      ...(covered ? [coveredWords(refresh, covered)] : []),
      ...(whole ? [wholeWords(whole)] : []),
      ...(again ? [catchUpWords(again, !!lost)] : []),
      ...(kept ? [keptWords(sheet, kept, refresh)] : []),
      ...(next ? [next] : []),
      // Dates lost, or pulled by the next run, say Run now beside them already; held whole, need none.
      ...(lost || covered || whole ? [] : [runAgainWords(refresh)].filter(Boolean)),
    ],
  };
}

/**
 * Where the cards are is said once, at the first step on one (Resume, Run now), and "its card" after
 * it: a key pause's e-mail named the menu path at Resume, at Run now and again at its foot. `said`:
 * whether it was, so the foot need not.
 */
function cardPlacedOnce(lines: string[]): { lines: string[]; said: boolean } {
  let said = false;
  const placed = lines.map((line) =>
    line.split(ITS_CARD).reduce((before, after) => {
      const card = said ? ITS_CARD_SAID : ITS_CARD;
      said = true;
      return `${before}${card}${after}`;
    }),
  );
  return { lines: placed, said };
}

/**
 * The e-mail to a refresh's owner, or one to an owner of several refreshes told of together (given
 * up in one tick, say in one outage): each keeps its own lines, under its own "Refresh:".
 */
export function failureMail(
  notices: readonly RefreshNotice[],
  spreadsheet: { name: string; url: string },
): { subject: string; body: string } {
  const { verb, line } = outcome(notices);
  const each = notices.map(told);
  const many = notices.length > 1;
  // A subject a mail list shows whole: the first few, then how many more (the body names each).
  const shown = notices.slice(0, SUBJECT_NAMED).map((n) => whatOf(n.refresh));
  const more = notices.length - shown.length;
  const whats = cutText(`${shown.join('; ')}${more ? `; and ${more} more` : ''}`, SUBJECT_WHATS_MAX);
  const placed = cardPlacedOnce(
    many ? each.flatMap((t) => ['', t.which, ...t.lines]) : each.flatMap((t) => [t.which, '', ...t.lines]),
  );
  return {
    subject: many
      ? `${notices.length} Assembled scheduled refreshes of yours ${verb}: ${whats}`
      : `An Assembled scheduled refresh of yours ${verb}: ${whats}`,
    body: [
      many
        ? `${notices.length} scheduled refreshes you own ${line}.`
        : `A scheduled refresh you own ${line}.`,
      '',
      `Spreadsheet: ${quoteAsData(spreadsheet.name)}`,
      ...placed.lines,
      '',
      `Open the spreadsheet to see ${many ? 'them' : 'it'}: ${spreadsheet.url}`,
      ...(placed.said ? [] : [`${menuPath('refreshes')} lists every refresh and its last run.`]),
    ].join('\n'),
  };
}
