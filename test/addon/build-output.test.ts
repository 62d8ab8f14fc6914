// What `npm run build` leaves in build/: a minified Code.js whose entry points keep their names,
// and a source map for local debugging that clasp never uploads to Apps Script.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const code = readFileSync(join(root, 'build/Code.js'), 'utf8');

describe('the build output', () => {
  it('minifies the add-on’s own names but keeps the entry points Apps Script calls', () => {
    for (const internal of ['buildTable', 'writeTable', 'flattenRecord', 'sheetGrid'])
      expect(code).not.toMatch(new RegExp(`\\b${internal}\\b`));
    for (const name of ['onOpen', 'startPull', 'pollPull', 'onDispatchTrigger'])
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\) \\{`, 'm'));
  });

  it('has a source map back to src/ beside Code.js', () => {
    expect(code).toMatch(/\n\/\/# sourceMappingURL=Code\.js\.map\n$/);
    const map = JSON.parse(readFileSync(join(root, 'build/Code.js.map'), 'utf8'));
    expect(map.version).toBe(3);
    expect(map.sources).toContain('../src/core/table/build-table.ts');
    expect(map.sources).toContain('../src/server/main.ts');
  });

  // Asynchronous, so that the worker's event loop is free while clasp runs.
  it('clasp push would upload Code.js, the pages and the manifest, never the source map', async () => {
    const { stdout } = await promisify(execFile)(
      join(root, 'node_modules/.bin/clasp'),
      ['status', '--json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const status = JSON.parse(stdout);
    const files: string[] = status.filesToPush;
    expect(files).toContain('build/Code.js');
    expect(files).toContain('build/appsscript.json');
    expect(files.some((f) => f.endsWith('.html'))).toBe(true);
    // Nothing else: no map under any name, nothing from outside build/.
    expect(files.filter((f) => !/^build\/(Code\.js|appsscript\.json|[a-z-]+\.html)$/.test(f))).toEqual([]);
  });
});
