// Runs every bench/*.bench.ts (each exports `run()`) and prints its figures; an argument runs only
// the files whose name contains it (`npx tsx bench/run.ts bigquery`). Each file runs in a process of
// its own, so a memory figure (peak RSS, heap kept) never counts what an earlier bench left behind.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const one = process.env.BENCH_FILE;

if (one) {
  const mod: { run?: () => Promise<Record<string, number | string>> } = await import(
    pathToFileURL(`${dir}${one}`).href
  );
  if (typeof mod.run !== 'function') throw new Error(`${one} exports no run()`);
  const started = performance.now();
  const figures = await mod.run();
  console.log(`\n${one} (${Math.round(performance.now() - started)} ms of wall time)`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(32)} ${value}`);
} else {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(process.argv[2] ?? ''))
    .sort();
  let failed = 0;
  for (const file of files) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_FILE: file },
      stdio: 'inherit',
    });
    if (child.status !== 0) {
      failed++;
      console.error(`${file} failed (exit ${child.status ?? child.signal})`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}
