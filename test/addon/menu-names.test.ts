// Messages that send the user to a menu item name the menu as Sheets shows it: Extensions ▸ the
// add-on's menu title ▸ an item that is there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';

/** Every "Extensions ▸ Menu ▸ Item" in the text, checked against the menu the runtime built. */
function expectRealMenuPaths(rt: LocalRuntime, text: string): void {
  const menu = rt.ui.menus.find((m) => m.addon);
  const items = (menu?.items ?? []).flatMap((i) => (i.type === 'item' ? [i.caption] : []));
  const paths = [...text.matchAll(/Extensions ▸ ([^▸]+?) ▸ ([^.]+?…)/g)];
  expect(paths.length).toBeGreaterThan(0);
  for (const [, title, item] of paths) {
    expect(title).toBe(menu?.title);
    expect(items).toContain(item);
  }
}

describe('Messages name the menu the user sees', () => {
  it('a missing key and a rejected key send the user to the real Settings item', async () => {
    const { rt, sim, key } = await startLocalAddon();
    expect(rt.runAsTrigger('onOpen', { authMode: 'NONE' }).error).toBeUndefined();
    const other = rt.asUser('editor@example.com');
    const missing = await other.callFromSidebar('testConnection').catch((e: Error) => e.message);
    expectRealMenuPaths(rt, String(missing));
    sim.revokeKey(key);
    const report = await rt.callFromSidebar<{ lines: { message: string }[] }>('testConnection');
    expectRealMenuPaths(rt, report.lines[0]?.message ?? '');
  });

  it('no source spells a menu path by hand (one place words them)', () => {
    const root = join(import.meta.dirname, '../../src');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const handWritten = files(root).filter(
      (f) => !f.endsWith('menu-names.ts') && /Extensions ▸/.test(readFileSync(f, 'utf8')),
    );
    expect(handWritten).toEqual([]);
  });
});
