// The agent memo a push keeps for its later executions: within Apps Script's property limits, and
// a memo that could not keep everything falls back to reading the people list.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../dev/memory-store';
import type { Person } from '../../src/core/assembled';
import { loadAgentMemo, saveAgentMemo } from '../../src/core/push/agent-memo';
import { AgentDirectory, agentKey } from '../../src/core/push/agents';
import { hash } from '../../src/core/push/request';

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function pairs(n: number): Map<string, string> {
  return new Map(Array.from({ length: n }, (_, i) => [`Person ${i}@Example.com`, uuid(i)]));
}

describe('agent memo', () => {
  it('keeps every value under 9 KB and the whole memo within its share', () => {
    const own = new MemoryStore();
    saveAgentMemo(own, 'p1', pairs(5_000));
    const values = [...own.data.entries()].filter(([k]) => k.startsWith('pushrows.p1.'));
    for (const [, v] of values) expect(v.length).toBeLessThanOrEqual(9 * 1024);
    expect(values.reduce((n, [, v]) => n + v.length, 0)).toBeLessThanOrEqual(70 * 1024);
  });

  it('answers from the memo without the list; a cell holding the id is not stored', () => {
    const own = new MemoryStore();
    const kept = saveAgentMemo(
      own,
      'p1',
      new Map([
        ['ana@example.com', uuid(1)],
        [uuid(2), uuid(2)],
      ]),
    );
    expect(kept).toBe(1);
    let reads = 0;
    const agents = new AgentDirectory(
      () => {
        reads++;
        return [];
      },
      loadAgentMemo(own, 'p1'),
    );
    expect(agents.resolve('  ANA@example.com ')).toEqual({ ok: true, agentId: uuid(1) });
    expect(agents.resolve(uuid(2))).toEqual({ ok: true, agentId: uuid(2) });
    expect(reads).toBe(0);
  });

  it('a memo too big for its share is kept in part, and a text it lacks reads the list', () => {
    const own = new MemoryStore();
    const all = pairs(5_000);
    const kept = saveAgentMemo(own, 'p1', all);
    expect(kept).toBeGreaterThan(1_000);
    expect(kept).toBeLessThan(5_000);
    const memo = loadAgentMemo(own, 'p1');
    expect(memo?.complete).toBe(false);
    let reads = 0;
    const people: Person[] = [
      {
        id: 'p-4999',
        agent_id: uuid(4999),
        email: 'person 4999@example.com',
        first_name: 'P',
        last_name: 'Q',
      },
    ] as Person[];
    const agents = new AgentDirectory(() => {
      reads++;
      return people;
    }, memo);
    expect(agents.resolve('Person 0@Example.com')).toEqual({ ok: true, agentId: uuid(0) });
    expect(reads).toBe(0);
    expect(agents.resolve('Person 4999@Example.com')).toEqual({ ok: true, agentId: uuid(4999) });
    expect(reads).toBe(1);
  });

  it('without a memo the list is read once and what each text meant is noted for the memo', () => {
    let reads = 0;
    const agents = new AgentDirectory(() => {
      reads++;
      return [
        { id: 'p1', agent_id: uuid(7), email: 'ana@example.com', first_name: 'Ana', last_name: 'Lopez' },
      ] as Person[];
    });
    expect(agents.resolve('Ana Lopez')).toEqual({ ok: true, agentId: uuid(7) });
    expect(agents.resolve('ghost@example.com').ok).toBe(false);
    expect(reads).toBe(1);
    expect([...agents.found]).toEqual([['Ana Lopez', uuid(7)]]);
  });
});

describe('agent memo clashes', () => {
  it('two texts whose short hashes clash are left out, and read the list instead', () => {
    // Distinct texts with the same FNV-1a hash (found once by a search over generated e-mails).
    const texts = ['a651y@example.com', 'a1c544@example.com'] as const;
    expect(hash(agentKey(texts[0]))).toBe(hash(agentKey(texts[1])));
    const own = new MemoryStore();
    saveAgentMemo(
      own,
      'p1',
      new Map([
        [texts[0], uuid(1)],
        [texts[1], uuid(2)],
      ]),
    );
    const memo = loadAgentMemo(own, 'p1');
    expect(memo?.complete).toBe(false);
    expect(memo?.get(texts[0])).toBeUndefined();
    expect(memo?.get(texts[1])).toBeUndefined();
  });
});
