// What every fake service object holds: the shared world and the execution it belongs to.

import type { Execution } from '../execution.js';
import type { World } from '../world.js';

export interface Env {
  world: World;
  exec: Execution;
}
