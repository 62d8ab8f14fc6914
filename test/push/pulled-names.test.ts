// An agent named in a push as a pull names them: people who share a name are written
// "Ava Smith (ava.smith@example.com)" by a pull (pull/with-names.ts), and that text pasted into a
// push's Agent column is the agent of that email, when the name is theirs.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from '../addon/pull-to-end';
import { validateTemplate } from './in-runtime';

describe('a pulled agent name given to a push', () => {
  it('takes "Name (email)" as the agent of that email, and says so when the name is not theirs', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const pulled = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource: 'people' },
        target: { kind: 'new_sheet', name: 'People' },
        mode: 'replace',
      },
      'pulled-names-0001',
    );
    expect(pulled).toMatchObject({ state: 'done' });
    const [header = [], ...rows] = rt.workbook.values('People');
    const at = header.indexOf('Agent name');
    const namesakes = rows.map((r) => String(r[at])).filter((n) => /^Ava Smith \(.+@.+\)$/.test(n));
    expect(namesakes.length).toBeGreaterThan(1);
    const named = namesakes[0] as string;
    const email = /\((.+)\)$/.exec(named)?.[1];
    const person = sim.admin.org.people.find((p) => p.email === email && !p.deleted);
    expect(person?.agent_id).toBeTruthy();
    const other = sim.admin.org.people.find(
      (p) => p.agent_id && !p.deleted && !`${p.first_name} ${p.last_name}`.startsWith('Ava Smith'),
    );
    const { check } = await validateTemplate(rt, 'time_off', [
      [named, '2026-07-01', '', 'TRUE'],
      [`Ava Smith (${other?.email})`, '2026-07-02', '', 'TRUE'],
    ]);
    expect(check).toMatchObject({ ok: 1, errors: 1 });
    expect(check.problems).toEqual([
      `Row 3: Agent: "Ava Smith (${other?.email})": ${other?.email} is the email of ${other?.first_name} ${other?.last_name} in Assembled, not of Ava Smith. Give the email of the agent meant.`,
    ]);
  });
});
