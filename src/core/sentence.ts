// Words joined into sentences: a full stop is added only where the words do not end one already
// (a message such as writtenWords' carries its own: "…left as they were (Merge updates such rows).").

/** The words ended as a sentence: a full stop, unless they end in ".", "?", "!" or "…" (a menu path). */
export const ended = (words: string): string => words.replace(/([^.?!…])$/, '$1.');
