// The rows to fix that Validate and Push list in the sidebar: the first few, then how many more
// (the Push message column, where each row's own words are, can sit out of sight behind it).
import { counted } from '../count-text';

const PROBLEMS_LISTED = 5;

const LISTED = /^Row (\d+): ([\s\S]*)$/;

/** The row a listed problem is of ("Row 4: ..." gives 4). */
function rowOf(problem: string): number {
  return Number(LISTED.exec(problem)?.[1] ?? Number.POSITIVE_INFINITY);
}

/**
 * Lists a row's problem in row order, keeping the first PROBLEMS_LISTED rows: rows Assembled
 * refused come after the rows found invalid before sending, but are listed among them.
 */
export function listProblem(problems: string[], row: number, message: string): void {
  const at = problems.findIndex((p) => rowOf(p) > row);
  problems.splice(at < 0 ? problems.length : at, 0, `Row ${row}: ${message}`);
  problems.splice(PROBLEMS_LISTED);
}

/**
 * The problems listed, and how many more rows there are when not all are: `errors` rows to fix and
 * `changed` rows changed since they were pushed (Validate lists those too), the listed among them.
 */
export function withMore(problems: readonly string[], errors: number, changed = 0): string[] {
  const more = errors + changed - problems.length;
  // Rows changed since they were pushed are not to fix: said so when none is.
  const what = changed === 0 ? 'to fix' : errors === 0 ? 'to look at' : 'to fix or look at';
  return more > 0
    ? [...problems, `… and ${counted('more row')(more)} ${what}: each one's Push message says what.`]
    : [...problems];
}

/**
 * The problems an ended push listed, each row named where its words are now: `messages` is the
 * Push message column from row 2 as it reads (sheet-rows.ts messagesAsTheyStand), where the push
 * wrote each listed row's words, which go with the row when rows are inserted or deleted above it
 * or the sheet is sorted. A row still holding its words keeps its number; rows holding the same
 * words are taken in order. One whose words no row holds now (fixed and checked again, cleared,
 * deleted) keeps the number it had, said to be as at the push, ended `at`.
 */
export function followedProblems(
  problems: readonly string[],
  messages: readonly string[],
  at: string,
): string[] {
  const listed = problems.map((line) => {
    const words = LISTED.exec(line)?.[2]?.trim();
    return { row: rowOf(line), words, line };
  });
  const rowsSaying = new Map<string, number[]>(listed.flatMap((p) => (p.words ? [[p.words, []]] : [])));
  for (const [i, m] of messages.entries()) rowsSaying.get(m)?.push(i + 2);
  const saying = (words = '') => rowsSaying.get(words) ?? [];
  const kept = new Set(listed.filter((p) => saying(p.words).includes(p.row)).map((p) => p.row));
  const taken = new Set(kept);
  const lines = listed.map(({ row, words, line }) => {
    if (words === undefined || kept.has(row)) return { row, line };
    const now = saying(words).find((r) => !taken.has(r));
    if (now === undefined)
      return { row, line: `Row ${row} at the push ended ${at} (no row says this now): ${words}` };
    taken.add(now);
    return { row: now, line: `Row ${now}: ${words}` };
  });
  return lines.sort((a, b) => a.row - b.row).map((l) => l.line);
}
