// google.script.run answers in no set order: a read asked before another, and slow to answer, can
// land after it. Drawn over what the newer one drew, it puts back what changed meanwhile (a zone
// File ▸ Settings renamed, named back at an open form's hour).

/** Calls numbered as they are asked, and whether an answer is newer than the last one drawn. */
export function answerOrder() {
  let calls = 0;
  let drawnAsked = 0;
  return {
    ask: () => ++calls,
    /** Whether the answer to call `n` is newer than what is drawn: if so, it is drawn from now. */
    newer(n: number): boolean {
      if (n < drawnAsked) return false;
      drawnAsked = n;
      return true;
    },
  };
}
