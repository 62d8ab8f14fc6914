// A client wired to the simulator on a virtual clock, for the simulator-backed tests.
import { createSimulatorHttp } from '../../dev/net/simulator-http';
import { VirtualClock } from '../../dev/net/virtual-clock';
import type { Dialect, SimulatorOptions } from '../../dev/simulator/api';
import { createSimulator } from '../../dev/simulator/index';
import { type AssembledClientOptions, createAssembledClient } from '../../src/core/assembled';

export function simSetup(
  dialect: Dialect,
  simOptions: SimulatorOptions = {},
  clientOptions: Partial<AssembledClientOptions> = {},
) {
  const clock = new VirtualClock();
  const sim = createSimulator({ seed: 7, now: () => clock.now(), dialect, ...simOptions });
  const http = createSimulatorHttp(sim, clock);
  const key = sim.admin.sampleKey;
  const client = createAssembledClient({
    http,
    clock,
    apiKey: key,
    timeFormat: dialect === 'live' ? 'unix' : 'iso',
    ...clientOptions,
  });
  return { clock, sim, http, client, key };
}
