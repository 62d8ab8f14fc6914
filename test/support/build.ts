// Vitest global setup: the add-on tests load the real build/, so build it once per run.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
    cwd: root,
    // npm test builds only here: a build error must reach the terminal.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
