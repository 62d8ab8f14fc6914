// The global object one execution's script sees.

import { BigQueryFake } from './services/bigquery.js';
import { CacheServiceFake } from './services/cache.js';
import type { Env } from './services/env.js';
import { HtmlServiceFake } from './services/html.js';
import { LockServiceFake } from './services/lock.js';
import { createConsole, LoggerFake } from './services/logging.js';
import { MailAppFake } from './services/mail.js';
import { PropertiesServiceFake } from './services/properties.js';
import { ScriptAppFake } from './services/scriptapp.js';
import { SessionFake } from './services/session.js';
import { SpreadsheetAppFake } from './services/spreadsheet/app.js';
import { UrlFetchAppFake } from './services/urlfetch.js';
import { UtilitiesFake } from './services/utilities.js';

export function buildGlobals(env: Env): Record<string, unknown> {
  // Advanced services exist only where the manifest enables them (under their userSymbol).
  const advanced = env.world.advancedServices;
  const bigquery = advanced === null || advanced.has('BigQuery') ? { BigQuery: new BigQueryFake(env) } : {};
  return {
    ...bigquery,
    SpreadsheetApp: new SpreadsheetAppFake(env),
    PropertiesService: new PropertiesServiceFake(env),
    CacheService: new CacheServiceFake(env),
    LockService: new LockServiceFake(env),
    UrlFetchApp: new UrlFetchAppFake(env),
    ScriptApp: new ScriptAppFake(env),
    HtmlService: new HtmlServiceFake(env),
    Utilities: new UtilitiesFake(env),
    Session: new SessionFake(env),
    MailApp: new MailAppFake(env),
    Logger: new LoggerFake(env),
    console: createConsole(env),
  };
}
