// What each mode is called where a person reads it: the Pull form's choices under "If the target
// has data" (index.html), said the same on a scheduled refresh's card and in its Edit form, with
// what choosing one does that its name does not say.
import { rowCount } from '../count-text';
import { type RelativePreset, rangeWords } from '../time/date-range';
import type { PullSpec, PullTarget } from './pull-spec';

export const MODE_WORDS: Readonly<Record<PullSpec['mode'], string>> = {
  replace: 'Replace it',
  append: 'Append below it',
  merge: 'Merge by key',
};

export const MODES = Object.keys(MODE_WORDS) as PullSpec['mode'][];

/** A mode in a word, its choice's first: "Merge". A run's row in the Assembled log names it so. */
export const modeName = (mode: PullSpec['mode']): string => MODE_WORDS[mode].split(' ')[0] ?? mode;

/** A table has no "below": a load adds its rows, whatever the table holds already. */
export function modeLabel(mode: PullSpec['mode'], target: PullTarget['kind']): string {
  return mode === 'append' && target === 'bigquery' ? 'Append: add every row to it' : MODE_WORDS[mode];
}

/**
 * A refresh appending into BigQuery adds every row it loads (a sheet's append skips the rows it
 * holds): it loads a day of its range once that day is over (held-days.ts), but a day still under
 * way at every run, and a list with no dates whole at every run. A report by day, week or month
 * adds no bucket still under way (report-until.ts), so each once. Said where the mode is: a
 * refresh's card and Edit form, and the Pull form's offer to refresh.
 */
export function modeNote(spec: Pick<PullSpec, 'mode' | 'target' | 'range' | 'source'>): string {
  const under = periodUnderWay(spec);
  if (under)
    return `Each run shows its own range alone, so the last part of each ${under[0]}, after its last run, is pulled by no run. ${keepPast(under)}`;
  if (spec.mode !== 'append' || spec.target.kind !== 'bigquery') return '';
  if (spec.source.kind === 'report' && spec.source.granularity !== 'interval') return '';
  const twice = spec.range
    ? 'A day already over when a run begins is added once; a day still under way (today, this week) is added whole at every run, so its earlier rows are there again.'
    : 'Each run adds every row to the table again, so rows pulled by an earlier run are there twice.';
  return `${twice} To keep one row per record, choose Merge by key.`;
}

/** Ranges that run up to now, by the period they belong to and the range of the one before. */
const TO_DATE: Partial<Record<RelativePreset, readonly [string, string]>> = {
  today: ['day', 'yesterday'],
  week_to_date: ['week', 'last week'],
  month_to_date: ['month', 'last month'],
};

/**
 * A replace refresh of a range under way (month to date) shows its own range alone: its first run
 * of a month pulls that day, and December after its last run is pulled by no run. A merge or an
 * append goes back to finish it (catch-up.ts). The period and the range of the one before, else undefined.
 */
export function periodUnderWay(
  spec: Pick<PullSpec, 'mode' | 'range'>,
): readonly [string, string] | undefined {
  return spec.mode === 'replace' && spec.range?.kind === 'relative' ? TO_DATE[spec.range.preset] : undefined;
}

/** What keeps past periods, said on the refresh's card and by the first run of a new period. */
export const keepPast = ([period, before]: readonly [string, string]) =>
  `To keep past ${period}s, choose Merge by key or Append below it (a run then finishes the ${period} before), or add a "${before}" refresh.`;

/** What a refresh's append (or merge) runs have added to its target (Refresh.gathered). */
export interface Gathered {
  /** Rows added; undefined where not counted (a BigQuery merge counts rows updated and added together). */
  rows?: number;
  /** The first day of the first range they came from, where known. */
  since?: string;
}

/** A refresh as what it has gathered run by run; `appended`, its periods appended whole. */
type Gatherer = { spec: PullSpec; gathered?: Gathered; appended?: string[] };

/**
 * What the refresh has gathered; an append saved before runs counted rows has periods appended
 * whole, and rows in uncounted. Undefined when nothing is known to be there.
 */
export function gatheredOf(r: Gatherer): Gathered | undefined {
  return r.gathered ?? (r.spec.mode === 'append' && r.appended?.length ? {} : undefined);
}

/**
 * "the 1,525 rows it has appended since 2027-02-20" (`who` "it", or "its scheduled refresh"), with
 * whether they are one; undefined when the refresh keeps nothing a replace would take away (it
 * replaces already, has not run, or a replace since took its rows).
 */
function gatheredWords(r: Gatherer, who: string): [string, boolean] | undefined {
  const g = gatheredOf(r);
  if (r.spec.mode === 'replace' || !g || g.rows === 0) return undefined;
  const rows = g.rows === undefined ? 'the rows' : `the ${rowCount(g.rows)}`;
  const did = `${who} has ${r.spec.mode === 'append' ? 'appended' : 'added'}`;
  return [`${rows} ${did}${g.since ? ` since ${g.since}` : ''}`, g.rows === 1];
}

/**
 * Switched to Replace, a refresh that appends or merges replaces its whole target at each run: all
 * it holds but its own period's rows goes at its next run, whatever put them there (its runs, the
 * pull it was saved from, a person). Said under its Edit form's "If the target has data" as Replace
 * is chosen, and asked again at Save (replaceAsked); '' for a refresh that replaces already.
 */
export function historyLost(r: Gatherer): string {
  if (r.spec.mode === 'replace') return '';
  const range = rangeWords(r.spec.range);
  const left = range ? `the rows of ${range}` : "its run's rows";
  // What its runs added is said as a count, not as what goes: its own period's rows come back.
  const g = gatheredOf(r);
  const did = r.spec.mode === 'append' ? 'appended' : 'added';
  const counted =
    !g || g.rows === 0
      ? ''
      : `; its runs have ${did} ${g.rows === undefined ? 'rows' : rowCount(g.rows)} there${g.since ? ` since ${g.since}` : ''}`;
  return `Each run will then replace the whole ${place(r.spec)}, leaving ${left} only: every other row in it goes at its next run${counted}.`;
}

/** The question Save asks before such a change (historyLost its words): the mode saved is kept by Keep. */
export function replaceAsked(mode: PullSpec['mode']): {
  question: string;
  text: string;
  yes: string;
  keep: string;
} {
  return {
    question: 'Replace at each run, and lose the rows gathered?',
    // The note above says what goes; the question says only what answering does.
    text: `Nothing is saved until you answer. Keep ${mode === 'merge' ? 'Merge' : 'Append'} leaves the refresh as it was.`,
    yes: 'Save anyway',
    keep: `Keep ${mode === 'merge' ? 'Merge' : 'Append'}`,
  };
}

/**
 * A pull with Replace into the sheet such a refresh gathers rows in: said under the Pull form's
 * "If the target has data" as Replace is chosen; '' when there is nothing to lose.
 */
export function historyPulledOver(r: Gatherer): string {
  const rows = gatheredWords(r, 'its scheduled refresh');
  if (!rows) return '';
  return `Replace it takes the whole ${place(r.spec)}: ${rows[0]} ${rows[1] ? 'goes' : 'go'} with this pull, leaving its rows only. To add to them, choose ${MODE_WORDS[r.spec.mode]}.`;
}

const place = (spec: Pick<PullSpec, 'target'>) => (spec.target.kind === 'bigquery' ? 'table' : 'sheet');
