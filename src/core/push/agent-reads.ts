// Reading what Assembled holds for the agents of a push: a list per agent is a request of its own
// (more when paged), so past a few agents one list of everyone over the whole span takes fewer,
// however many agents the sheet names (2,000 agents asked one by one overran an execution).

/** Past this many agents, one list of everyone in the range beats a list per agent. */
export const MAX_AGENT_QUERIES = 5;

/** The agents to ask for one by one; undefined past the cap: ask once, for everyone. */
export function agentsToAsk(agents: Iterable<string>): string[] | undefined {
  const list = [...new Set(agents)];
  return list.length <= MAX_AGENT_QUERIES ? list : undefined;
}

/**
 * The span records cover: the first start to the last end, an open record (no end) ending at its
 * start. Folded, not spread: spread over tens of thousands of rows, Math.min overflows the stack.
 */
export function spanOf(records: readonly { start_time: number; end_time?: number | undefined }[]): {
  start: number;
  end: number;
} {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const r of records) {
    start = Math.min(start, r.start_time);
    end = Math.max(end, r.end_time ?? r.start_time);
  }
  return { start, end };
}
