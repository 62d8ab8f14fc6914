// Vitest setup file. Test files share a worker (isolate: false), so each starts on a collected heap
// as it did in a process of its own: garbage left by earlier files never grows the heap towards
// V8's limit, where one allocation-heavy test (100,000 x 12 rows) once spent 36 s collecting.
(globalThis as { gc?: () => void }).gc?.();
