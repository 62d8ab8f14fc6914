// The rows to fix that Validate and Push list in the sidebar: the first few, then how many more
// (the Push message column, where each row's own words are, can sit out of sight behind it).

const PROBLEMS_LISTED = 5;

/** The row a listed problem is of ("Row 4: ..." gives 4). */
function rowOf(problem: string): number {
  return Number(/^Row (\d+):/.exec(problem)?.[1] ?? Number.POSITIVE_INFINITY);
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
    ? [
        ...problems,
        `… and ${more} more row${more === 1 ? '' : 's'} ${what}: each one's Push message says what.`,
      ]
    : [...problems];
}
