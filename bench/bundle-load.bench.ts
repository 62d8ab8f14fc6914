// What loading build/Code.js costs: Apps Script evaluates the whole bundle in a fresh global
// scope on every execution (onOpen, each sidebar call, each trigger tick), so this is paid by all
// of them. Measured in CPU time (a shared machine's wall time says little), and a whole onOpen
// execution through the local runtime beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createRuntime } from '../dev/gas';

const LOADS = 300;

function cpuMsEach(times: number, work: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / times;
}

export async function run(): Promise<Record<string, number | string>> {
  const code = readFileSync(join(import.meta.dirname, '../build/Code.js'), 'utf8');
  const script = new vm.Script(code, { filename: 'Code.js' });
  const load = () => script.runInContext(vm.createContext({}));
  const rt = createRuntime({});
  const onOpen = () => rt.runAsTrigger('onOpen', { authMode: 'NONE' });
  // Warm up Node's compiler, then take the median of five rounds.
  cpuMsEach(30, load);
  cpuMsEach(30, onOpen);
  const loads: number[] = [];
  const opens: number[] = [];
  for (let round = 0; round < 5; round++) {
    loads.push(cpuMsEach(LOADS / 5, load));
    // The runtime refuses 300 executions without an event-loop turn.
    await new Promise((resolve) => setImmediate(resolve));
    opens.push(cpuMsEach(LOADS / 5, onOpen));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]?.toFixed(2) ?? '';
  return {
    'bundle load CPU ms (median)': median(loads),
    'onOpen execution CPU ms (median)': median(opens),
  };
}
