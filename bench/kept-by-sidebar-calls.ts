// Heap kept by 200 sidebar calls (listRefreshes), in MB, printed on stdout. Run by skip.bench.ts in
// a process of its own (node --expose-gc with tsx's loader): in the bench's process, what earlier
// benches left is freed or grown during the calls and swamps the figure (it was -185.7 after
// bigquery.bench.ts).
import { Workbench } from '../dev/workbench/workbench';

const gc = globalThis.gc;
if (!gc) throw new Error('Run with node --expose-gc');
const bench = await Workbench.create({ followRealClock: false, now: '2026-12-06T14:00:00Z' }, '');
try {
  // Collected twice: what the first frees may leave more for the second.
  const used = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  await bench.rt.callFromSidebar('listRefreshes');
  const before = used();
  for (let i = 0; i < 200; i++) await bench.rt.callFromSidebar('listRefreshes');
  console.log((used() - before) / 2 ** 20);
} finally {
  bench.close();
}
