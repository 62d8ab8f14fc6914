// Runs every bench/*.bench.ts (each exports `run()`) and prints its figures; an argument runs only
// the files whose name contains it (`npx tsx bench/run.ts bigquery`).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(process.argv[2] ?? ''))
  .sort();
for (const file of files) {
  const mod: { run?: () => Promise<Record<string, number | string>> } = await import(
    pathToFileURL(`${dir}${file}`).href
  );
  if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`);
  const started = performance.now();
  const figures = await mod.run();
  console.log(`\n${file} (${Math.round(performance.now() - started)} ms of wall time)`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(32)} ${value}`);
}
