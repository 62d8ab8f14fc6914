// Report rows name agents and queues by id only; an analyst reads names. The names are looked up
// once per pull and put beside the ids (an id with no match keeps an empty name).
import type { AssembledClient } from '../assembled/client';

type Row = Record<string, unknown>;

function fullName(p: { first_name: string | null; last_name: string | null; email: string | null }): string {
  return [p.first_name, p.last_name].filter(Boolean).join(' ') || p.email || '';
}

/** Adds agent_name after agent_id and queue_name after queue_id, where rows carry them. */
export function withNames(client: AssembledClient, rows: readonly Row[]): Row[] {
  const has = (key: string) => rows.some((r) => typeof r[key] === 'string');
  const agents = has('agent_id')
    ? new Map(client.listPeople().flatMap((p) => (p.agent_id ? [[p.agent_id, fullName(p)] as const] : [])))
    : undefined;
  const queues = has('queue_id')
    ? new Map(client.listQueues().map((q) => [q.id, q.name ?? ''] as const))
    : undefined;
  if (!agents && !queues) return [...rows];
  return rows.map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) {
      out[key] = value;
      if (key === 'agent_id' && agents) out.agent_name = agents.get(String(value)) ?? '';
      if (key === 'queue_id' && queues) out.queue_name = queues.get(String(value)) ?? '';
    }
    return out;
  });
}
