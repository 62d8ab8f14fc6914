// What a finished write says in the sidebar and the log: where the rows went, and for an append
// or merge what happened to the rows the sheet already held.
import { countText, rowCount } from '../count-text';
import { renamedWords } from '../sheet/renamed-columns';
import type { WriteMode } from '../sheet/write-table';
import { besideWords } from './beside-words';
import { keptWords, runKeptWords } from './kept-words';
import type { PullSpec } from './pull-spec';
import type { RangeAhead } from './range-ahead';
import type { Written } from './staged-write';
import { typedWords } from './typed-words';

/**
 * Said when Assembled sent no rows: not "0 rows merged", which reads as if something was done. The
 * filters in force are named first: one left ticked from other data is the likely cause. With none,
 * a range that lies ahead, where schedules may not be planned yet (or tickets handled: its source's
 * words, range-ahead.ts), is said first; with some, after how to take them off (aheadAfter).
 */
function noneWords(filtered = '', ahead?: RangeAhead): string {
  if (filtered)
    return `No rows for ${filtered}: Assembled holds none for ${ahead?.dates ?? 'this range'} and these filters`;
  if (!ahead) return 'No rows: Assembled holds none for this range and these filters';
  if (!ahead.partly)
    return `No rows: Assembled holds nothing yet for ${ahead.dates}, which lies ahead: ${ahead.why}`;
  return `No rows: ${ahead.dates} lies partly ahead, where ${ahead.why}, and Assembled holds none for the days before`;
}

/**
 * Filters that found none over days ahead may be the cause or not: whether the range holds rows
 * without them is not known, so its being ahead is said as what follows if it holds none (QA: a
 * Vacation filter over a planned week of Chat and Lunch was told schedules may not be planned).
 */
function aheadAfter(ahead: RangeAhead): string {
  return `If none come without filters either, it is because the range lies ${ahead.partly ? 'partly ' : ''}ahead, where ${ahead.why}`;
}

/**
 * What else the write's words need: `held`, an append's rows of the bucket still under way, left
 * out, and their granularity; `made`, the name of the new sheet the pull made for its rows (which
 * goes again when nothing was written into it); `filtered`, the filters in force in words
 * (pull-words.ts filtersPicked), and `clear`, how to take them off, for when there are no rows;
 * `unasked`, that Assembled was not asked (every pick of a list gone: gone-picks.ts), which the
 * words before say, so no rows is not Assembled's answer; `ahead`, the range's days after today;
 * `byRun`, a scheduled refresh's run: its pull (runKeptWords).
 */
export interface WrittenAlso {
  held?: [number, string];
  made?: string;
  filtered?: string;
  clear?: string;
  unasked?: boolean;
  ahead?: RangeAhead;
  byRun?: Pick<PullSpec, 'range'>;
}

/** A sentence, ended by its full stop as the pull's other words are (a failure's, BigQuery's). */
export function writtenWords(mode: WriteMode, w: Written, label: string, also: WrittenAlso = {}): string {
  // A column whose header a person typed over still takes its field: said once, when first found.
  const renamed = w.renamed?.length ? renamedWords(w.renamed) : '';
  const typed = typedWords(mode, w);
  return `${[outcome(mode, w, label, also), typed, besideWords(w.beside), renamed].filter(Boolean).join('. ')}.`;
}

function outcome(
  mode: WriteMode,
  w: Written,
  label: string,
  { held, made, filtered, clear, unasked, ahead, byRun }: WrittenAlso,
): string {
  const none = unasked ? 'No rows' : noneWords(filtered, ahead);
  const after = [filtered && clear, filtered && ahead && !unasked && aheadAfter(ahead)]
    .filter(Boolean)
    .map((words) => `. ${words}`)
    .join('');
  // An append or merge of nothing changes nothing (write-table's writeEmpty), and says so: not
  // Assembled's doing when the append left out the rows of the bucket still under way. An append
  // whose rows all overlap the sheet's says so below.
  if (mode !== 'replace' && w.rows === 0 && w.present === 0 && !w.overlapped) {
    const left = made === undefined ? `${label} was left as it was` : `no sheet "${made}" was added`;
    if (!held) return `${none}, so ${left}${after}`;
    const [rows, granularity] = held;
    return `No rows appended: ${rowCount(rows)} of the ${granularity} still under way ${rows === 1 ? 'was' : 'were'} left out, since an append adds a ${granularity} only once it is over, whole; so ${left}. For the ${granularity} so far, pull with Replace or Merge`;
  }
  // Into a new or empty sheet an append or merge is a first write, whatever the mode chosen.
  if (mode !== 'replace' && w.fresh) return `${rowCount(w.rows)} written to ${label}`;
  if (mode === 'merge') {
    // A row in the place of rows over the same time but other bounds (a week where its days were)
    // is not one more: said apart from the rows added, with the rows taken out. A bucket cut short
    // by an earlier pull (today's, pulled each hour) is its own row updated (write-table.ts).
    const merged = `${rowCount(w.rows)} merged into ${label}: ${countText(w.updated)} updated, ${countText(w.appended - w.replacing)} added`;
    const twice = 'so no day counts twice';
    const gone = w.replacing
      ? `, ${countText(w.replacing)} replacing rows from earlier pulls over the same time (${countText(w.superseded)} taken out, ${twice})`
      : w.superseded
        ? `; ${rowCount(w.superseded)} from earlier pulls over the same time taken out, ${twice}`
        : '';
    const left = w.present
      ? `; ${rowCount(w.present)} left out, as longer rows in the sheet hold all their time`
      : '';
    return merged + gone + left;
  }
  if (mode === 'replace')
    return w.rows === 0
      ? `${none}, so ${label} ${w.keptHeader ? "keeps the table's header, with no rows under it" : 'shows "(no records)"'}${after}`
      : `${rowCount(w.rows)} written to ${label}${keptBeside(w.keptBeside, byRun)}${w.inserted ? `. ${insertedWords(w.inserted)}` : ''}`;
  const one = w.present === 1;
  const kept = `${one ? 'was' : 'were'} in the sheet already and left as ${one ? 'it was' : 'they were'} (Merge updates such rows)`;
  const over = w.overlapped ? overlapWords(w.overlapped, w.overlap ?? '') : '';
  const left = [w.present ? `${rowCount(w.present)} ${kept}` : '', over].filter(Boolean).join('; ');
  if (w.appended === 0) return `Nothing appended to ${label}: ${w.present && over ? '' : 'all '}${left}`;
  const where = `rows ${countText(w.bodyRow)} to ${countText(w.bodyRow + w.appended - 1)}`;
  const appended = `${rowCount(w.appended)} appended ${belowTable(label)}, ${where}`;
  return left ? `${appended}; ${left}` : appended;
}

/** The person's columns left by row number beside a replaced table: a refresh's run says what follows at each run. */
function keptBeside(headers: readonly string[] | undefined, byRun: WrittenAlso['byRun']): string {
  if (!headers?.length) return '';
  return `. ${byRun ? runKeptWords(headers, byRun) : keptWords(headers)}`;
}

/**
 * Where an append put its rows: below the table, in its sheet, or at its cell when the table is
 * not at A1. "Appended to 'Handle time'!A1 (rows 481 to 955)" read as if written at A1 (QA).
 */
function belowTable(label: string): string {
  return `below the table ${label.endsWith('!A1') ? `in ${label.slice(0, -'!A1'.length)}` : `at ${label}`}`;
}

/** Rows an append left out as they overlap the sheet's over other times (write-table.ts `span`). */
function overlapWords(n: number, overlap: string): string {
  return `${rowCount(n)} overlap${n === 1 ? 's' : ''} rows the sheet holds ${overlap}, so ${n === 1 ? 'it was' : 'they were'} left out, as ${n === 1 ? 'it' : 'they'} would count that time twice. To pull ${n === 1 ? 'it' : 'them'}, choose a range whose rows line up with the sheet's, or Replace it`;
}

/** Rows inserted inside a table are the table's: a replace writes over them with the rest. */
function insertedWords(n: number): string {
  return `${rowCount(n)} inserted inside the table since its last pull ${n === 1 ? 'was' : 'were'} written over as part of it`;
}
