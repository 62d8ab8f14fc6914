import {
  type AssembledClient,
  type CheckResult,
  checkConnection,
  checkSaving,
  keyRefused,
} from '../core/assembled';
import { checkLabel, checkSummary, notRun, outageWords, untoldWhy } from '../core/assembled/check-words';
import { KEY_NOT_ACCEPTED, withServiceWords } from '../core/assembled/errors';
import { KEY_FROM } from '../core/key-source';
import type { ConnectionReport } from '../core/server-api';
import { SettingsInput } from '../core/settings';
import { parseInput } from '../core/validation';
import { clientWith } from './client-factory';
import { readApiKey, readConnectionOptions } from './saved-settings';

const KEY_REFUSED = `${KEY_NOT_ACCEPTED} Copy it again from ${KEY_FROM}, paste it above and test again.`;

/**
 * Settings' "Test connection": every read-only operation once, and one small report started and
 * read back (check.ts), reported line by line. It tests
 * what the form shows (a key typed but not saved, the options chosen), else what is saved, so a
 * key can be tried before it replaces the one that works.
 */
export function testConnection(draft?: unknown): ConnectionReport {
  return reportOf(draft, checkConnection);
}

/**
 * What Save asks before it keeps a key typed or another Send times as: whether Assembled takes the
 * key, and times sent that way (checkSaving: a request or two, not Test connection's twenty-odd),
 * told as Test connection tells it.
 */
export function checkSettings(draft?: unknown): ConnectionReport {
  return reportOf(draft, checkSaving);
}

function reportOf(draft: unknown, check: (client: AssembledClient) => CheckResult[]): ConnectionReport {
  const form = draft === undefined ? undefined : parseInput(SettingsInput, draft, 'Settings');
  const saved = { apiKey: readApiKey(), ...readConnectionOptions() };
  const settings = {
    apiKey: form?.apiKey || saved.apiKey,
    timeFormat: form?.timeFormat ?? saved.timeFormat,
    apiVersion: form?.apiVersion ?? saved.apiVersion,
  };
  const results = check(clientWith(settings));
  const lines = results.map((r) => ({
    label: checkLabel(r.operation),
    // Said in Settings, where the key is pasted: not "open Settings".
    summary: keyRefused(r) ? withServiceWords(KEY_REFUSED, r.error?.detail) : checkSummary(r),
    // The probe of how Assembled takes times reads as what it is, not as a second agent-state read.
    operation:
      r.operation === 'timeFormat' ? `${checkLabel(r.operation)} (${r.endpoint})` : r.endpoint || r.operation,
    ok: r.ok,
    notRun: notRun(r),
    status: r.status ?? 0,
    records: r.records,
    ms: r.ms,
    message: r.error?.message ?? r.note ?? '',
  }));
  const unsaved =
    settings.apiKey !== saved.apiKey ||
    settings.timeFormat !== saved.timeFormat ||
    settings.apiVersion !== saved.apiVersion;
  const outage = outageWords(results);
  const untold = untoldWhy(results);
  const takesTimesAs = results.find((r) => r.accepts)?.accepts;
  return {
    ok: lines.every((l) => l.ok),
    lines,
    unsaved,
    keyRefused: results.some(keyRefused),
    ...(outage ? { outage } : {}),
    ...(untold ? { untold } : {}),
    ...(takesTimesAs ? { takesTimesAs } : {}),
  };
}
