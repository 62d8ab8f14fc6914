// Vitest setup file. Test files share a worker (isolate: false), so a file that follows a heavy one
// starts on a collected heap, as it did in a process of its own: garbage left by earlier files never
// grows the heap towards V8's limit, where one allocation-heavy test (100,000 x 12 rows) once spent
// 36 s collecting. A full collection after every file cost ~0.35 s each; below 256 MB it is skipped.
const LEFT_BEHIND = 256 * 2 ** 20;
const collect = (globalThis as { gc?: () => void }).gc;
if (collect && process.memoryUsage().heapUsed > LEFT_BEHIND) collect();
