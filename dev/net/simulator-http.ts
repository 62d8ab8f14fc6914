// Http over the simulator's pure handler, on a virtual clock: each answer's delayMs moves the
// clock; a batch costs its slowest answer; a timeout becomes a NetworkError after its delay.

import { type Http, type HttpRequest, type HttpResponse, NetworkError } from '../../src/core/ports';
import type { Simulator } from '../simulator/api';
import type { VirtualClock } from './virtual-clock';

export interface SimulatorHttp extends Http {
  /** Every request sent, in order (tests count and inspect them). */
  readonly sent: HttpRequest[];
}

export function createSimulatorHttp(simulator: Simulator, clock: VirtualClock): SimulatorHttp {
  const sent: HttpRequest[] = [];
  const answer = (request: HttpRequest) => {
    sent.push(request);
    return simulator.handle({ ...request });
  };
  const toResponse = (r: {
    status: number;
    headers: Record<string, string>;
    body: string;
  }): HttpResponse => ({
    status: r.status,
    headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: r.body,
  });
  return {
    sent,
    fetch(request) {
      const r = answer(request);
      clock.advance(r.delayMs);
      if (r.timeout) throw new NetworkError(`timeout: ${request.method} ${new URL(request.url).pathname}`);
      return toResponse(r);
    },
    fetchAll(requests) {
      const answers = requests.map(answer);
      clock.advance(Math.max(0, ...answers.map((r) => r.delayMs)));
      if (answers.some((r) => r.timeout))
        throw new NetworkError('timeout: a request of the batch got no response');
      return answers.map(toResponse);
    },
  };
}
