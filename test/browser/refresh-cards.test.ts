// A refresh card says what a person needs where they look: an action's answer on the card pressed,
// in view and heard by screen readers.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Bench } from './support';
import { refreshCard, useBench } from './support';

/** Whether the element is inside its frame's viewport (what a person sees without scrolling). */
function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

/** Daily refreshes of Teams into new, empty sheets of these names, saved by the editor at the keyboard. */
async function refreshesInto(bench: Bench, ...sheets: string[]): Promise<void> {
  const { rt } = bench.running.workbench;
  for (const name of sheets) {
    rt.workbook.addSheet(name);
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      `key-${name.replace(/\W/g, '-')}`,
    );
  }
}

describe('Scheduled refresh cards', () => {
  const bench = useBench();

  it('a refusal on a card low in the list is said on that card, in view, and to screen readers', async () => {
    const { page, running } = bench();
    await refreshesInto(bench(), 'Staff A', 'Staff B', 'Staff C', 'Staff D');
    running.workbench.rt.workbook.deleteSheet('Staff D');
    const { sb, card } = await refreshCard(page, 'Staff D');
    const refused = /^Nothing was run: its sheet "Staff D" was deleted\./;
    await card.getByRole('button', { name: /^Run now: / }).click();
    const said = card.locator('.said');
    await expect.poll(() => said.textContent()).toMatch(refused);
    expect(await said.getAttribute('data-tone')).toBe('error');
    await expect.poll(() => inView(said)).toBe(true);
    // The live region says it too, drawn nowhere (the card shows it).
    expect(await sb.locator('#status').textContent()).toMatch(refused);
    expect(await sb.locator('#status').getAttribute('role')).toBe('status');
    expect(await sb.locator('#status').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(
      1,
    );
    // Resume, on the card now paused: its refusal takes the place of the last one, on the card.
    await card.getByRole('button', { name: /^Resume: / }).click();
    await expect.poll(() => said.textContent()).toMatch(/^It cannot run: its sheet "Staff D" was deleted\./);
    await expect.poll(() => inView(said)).toBe(true);
    expect(await sb.locator('.said').count()).toBe(1);
  });
});
