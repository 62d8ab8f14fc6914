// Two rows of one agent that overlap by seconds only: the clash is said to the second, or its words
// ("overlaps row 2" beside cells that read 23:30 and 23:30) read as no overlap at all.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { validateTemplate } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('rows overlapping by seconds', () => {
  it('are said to the second; rows overlapping by whole minutes, as before', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const { check } = await validateTemplate(rt, 'agent_states', [
      [a.email, 'busy', '', '2026-05-23 23:00', '2026-05-23 23:30:42', 'five9'],
      [a.email, 'busy', '', '2026-05-23 23:30', '2026-05-23 23:45', 'five9'],
      // A minute's overlap shows in the cells.
      [a.email, 'busy', '', '2026-05-24 9:00', '2026-05-24 9:31', 'five9'],
      [a.email, 'busy', '', '2026-05-24 9:30', '2026-05-24 9:45', 'five9'],
    ]);
    expect(check.problems).toEqual([
      expect.stringContaining(
        'Row 2: End: overlaps row 3 (which starts 2026-05-23 23:30:00, 42 s before this row ends), a state',
      ),
      expect.stringContaining(
        'Row 3: Start: overlaps row 2 (which ends 2026-05-23 23:30:42, 42 s after this row starts), a state',
      ),
      expect.stringContaining('Row 4: End: overlaps row 5, a state'),
      expect.stringContaining('Row 5: Start: overlaps row 4, a state'),
    ]);
  });
});
