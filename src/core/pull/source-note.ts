// The first line of the note on a pulled table's header: which Assembled data the sheet holds.
// Push reads it back: a sheet of Assembled's own data is never taken for rows to send.
const PREFIX = 'Source: Assembled ';

export function sourceLine(what: string): string {
  return `${PREFIX}${what}`;
}

/** What a header note says the sheet was pulled from, or undefined for a sheet no pull wrote. */
export function pulledFrom(note: string): string | undefined {
  const first = note.split('\n', 1)[0] ?? '';
  return first.startsWith(PREFIX) ? first.slice(PREFIX.length) : undefined;
}
