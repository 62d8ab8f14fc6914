// Words joined into sentences: a full stop is added only where the words do not end one already
// (a message such as writtenWords' carries its own: "…left as they were (Merge updates such rows).").

/** The words ended as a sentence: a full stop, unless they end in ".", "?", "!" or "…" (a menu path). */
export const ended = (words: string): string => words.replace(/([^.?!…])$/, '$1.');

/** The words with their first letter made small, to follow a colon or a comma in a sentence. */
export const lowerFirst = (words: string): string => `${words.charAt(0).toLowerCase()}${words.slice(1)}`;
