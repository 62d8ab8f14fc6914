import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import type { TimeOffRequest, TimeOffStatus, TimeOffUpdate } from '../model';
import { collection, flag, paging, text, when } from './common';

const STATUSES: readonly TimeOffStatus[] = ['pending', 'approved', 'denied', 'cancelled'];

/** The YAML's enum, also reading the US spelling "canceled". */
const status = /* @__PURE__ */ lazy(() =>
  z._default(
    z.nullable(
      z.pipe(
        z.custom<string>(
          (v) => v === 'canceled' || STATUSES.includes(v as TimeOffStatus),
          `expected one of ${STATUSES.join(', ')}`,
        ),
        z.transform((v: string) => (v === 'canceled' ? 'cancelled' : v) as TimeOffStatus),
      ),
    ),
    null,
  ),
);

export const timeOffRequest: z.ZodMiniType<TimeOffRequest> = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    agent_id: text,
    type: text,
    status,
    start_time: when,
    end_time: when,
    all_day: flag,
    notes: text,
    approver_id: text,
    created_at: when,
    updated_at: when,
  }),
);

export const timeOffRequestsPage = /* @__PURE__ */ lazy(() =>
  z.object({ requests: collection(timeOffRequest), ...paging }),
);

export const timeOffUpdate: z.ZodMiniType<TimeOffUpdate> = /* @__PURE__ */ lazy(() =>
  z.object({
    request_id: z.string(),
    change_type: text,
    updated_at: when,
  }),
);

export const timeOffUpdatesPage = /* @__PURE__ */ lazy(() =>
  z.object({ updates: collection(timeOffUpdate), ...paging }),
);
