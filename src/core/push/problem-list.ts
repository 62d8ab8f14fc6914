// The rows to fix that Validate and Push list in the sidebar: the first few, then how many more
// (the Push message column, where each row's own words are, can sit out of sight behind it).

const PROBLEMS_LISTED = 5;

/** Lists a row's problem while fewer than PROBLEMS_LISTED are. */
export function listProblem(problems: string[], row: number, message: string): void {
  if (problems.length < PROBLEMS_LISTED) problems.push(`Row ${row}: ${message}`);
}

/** The problems listed, and how many more rows there are to fix when not all are. */
export function withMore(problems: readonly string[], errors: number): string[] {
  const more = errors - problems.length;
  return more > 0
    ? [
        ...problems,
        `… and ${more} more row${more === 1 ? '' : 's'} to fix: each one's Push message says what.`,
      ]
    : [...problems];
}
