// What a push learned of its agents, kept for its later executions so the people list is read
// once per push, not once per execution. Only what the rows to send need: for each agent cell
// that does not already hold the agent id exactly, a short hash of the text and the agent id it
// meant; for association rows, the ID their agent held on the platform (its Push message says it
// was replaced); for all-day time off, the agent's time zone (all-day-zone.ts). A cell holding
// the id itself resolves to itself, which is safe because a row is sent only when its whole
// request matches a mark fixed at the start (accepted.ts). Kept beside the marks in the owner's
// User properties (dropped with them); a memo too big for its share is kept in part, and a text
// it lacks then reads the list again, as before.
import type { Store } from '../ports';
import { agentKey } from './agents';
import { hash } from './request';

/** Characters per property: under Apps Script's 9 KB a value. */
const PER_CHUNK = 8_000;
/** At most this many properties (about 1,400 e-mails with UUIDs): the store is shared by all the owner's pushes. */
const MAX_CHUNKS = 8;
const PREFIX = 'pushrows.';

export interface SavedLookup {
  /** The agent id for a text (by its hash), when the memo has it. */
  get(text: string): string | undefined;
  /** Every text of the push's rows is in it: a text it lacks is not one of them. */
  complete: boolean;
}

function key(pushId: string, part: string | number): string {
  return `${PREFIX}${pushId}.agents${part}`;
}

/** Saves the texts (agent cell -> agent id) of the rows a push will send; returns how many were kept. */
export function saveAgentMemo(own: Store, pushId: string, pairs: Map<string, string>): number {
  const chunks: string[] = [];
  let current = '';
  let kept = 0;
  // Two texts whose short hashes clash while meaning different agents are left out (they read the list).
  const byHash = new Map<string, string | null>();
  for (const [text, agentId] of pairs) {
    if (text.trim() === agentId) continue;
    const h = hash(agentKey(text));
    byHash.set(h, byHash.has(h) && byHash.get(h) !== agentId ? null : agentId);
  }
  let complete = ![...byHash.values()].includes(null);
  for (const [h, agentId] of byHash) {
    if (agentId === null) continue;
    const entry = `${h}${agentId}\n`;
    if (current.length + entry.length > PER_CHUNK) {
      chunks.push(current);
      current = '';
      if (chunks.length >= MAX_CHUNKS) {
        complete = false;
        break;
      }
    }
    current += entry;
    kept++;
  }
  if (current && chunks.length < MAX_CHUNKS) chunks.push(current);
  own.set(key(pushId, ''), { chunks: chunks.length, complete });
  chunks.forEach((c, i) => {
    own.set(key(pushId, i), c);
  });
  return kept;
}

/** The memo saved at the push's start, or undefined when there is none (read the list). */
export function loadAgentMemo(own: Store, pushId: string): SavedLookup | undefined {
  const head = own.get<{ chunks: number; complete: boolean }>(key(pushId, ''));
  if (!head) return undefined;
  const ids = new Map<string, string>();
  for (let i = 0; i < head.chunks; i++) {
    for (const line of (own.get<string>(key(pushId, i)) ?? '').split('\n')) {
      if (line.length > 8) ids.set(line.slice(0, 8), line.slice(8));
    }
  }
  return { get: (text) => ids.get(hash(agentKey(text))), complete: head.complete };
}
