// `npm run typecheck`: one tsc program per tsconfig (each has its own libs and globals: Apps Script,
// the sidebars, the workbench page, Node). tsc uses one core, so they run side by side, one per
// core, the largest first; each project's errors are printed together.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const PROJECTS = ['tsconfig.json', 'tsconfig.ui.json', 'tsconfig.server.json', 'tsconfig.workbench.json'];

interface Outcome {
  project: string;
  ok: boolean;
  output: string;
}

function check(project: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => resolve({ project, ok: false, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ project, ok: code === 0, output }));
  });
}

const queue = [...PROJECTS];
const outcomes: Outcome[] = [];
async function worker(): Promise<void> {
  for (let project = queue.shift(); project; project = queue.shift()) outcomes.push(await check(project));
}
await Promise.all(Array.from({ length: Math.min(PROJECTS.length, availableParallelism()) }, worker));

for (const { project, ok, output } of outcomes) {
  process.stdout.write(output);
  if (!ok) console.error(`tsc -p ${project} found errors`);
}
process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
