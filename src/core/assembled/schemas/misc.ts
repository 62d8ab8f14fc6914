// Catalogue resources with no published YAML: requirements and assist conversations.
import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import type { AssistConversation } from '../model';
import { collection, looseRecord, paging } from './common';

export const requirementsPage = /* @__PURE__ */ lazy(() =>
  z.object({ requirements: collection(looseRecord), ...paging }),
);

/** Catalogued as "(full object) list": a `conversations` list, or a bare list. */
export const assistConversationsPage = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.union([z.object({ conversations: collection(looseRecord), ...paging }), z.array(looseRecord)]),
    z.transform((v): { items: AssistConversation[]; total?: number } =>
      Array.isArray(v)
        ? { items: v }
        : { items: v.conversations, ...(v.total === undefined ? {} : { total: v.total }) },
    ),
  ),
);
