// The cost model: how much virtual time each service call takes. Documented in README.md.

export const COSTS = {
  /** Every spreadsheet write call (setValues, setNumberFormats, appendRow, insertRows, ...). */
  sheetWriteMs: 50,
  /** Plus, per cell written. */
  sheetWritePerCellMs: 0.05,
  /** Every spreadsheet read of cell data (getValues, getDisplayValues, getFormulas, ...). */
  sheetReadMs: 10,
  sheetReadPerCellMs: 0.005,
  /** Added to the simulated server's delayMs for each fetch; fetchAll pays it once. */
  fetchBaseMs: 20,
  /** How long UrlFetchApp waits before a request with no answer fails. */
  fetchTimeoutMs: 60_000,
  propertiesMs: 5,
  cacheMs: 2,
  lockMs: 1,
  triggerMs: 20,
  /** SpreadsheetApp.openById / openByUrl. */
  openSpreadsheetMs: 100,
  mailMs: 100,
} as const;

export const LIMITS = {
  urlLength: 2048,
  fetchBytes: 50 * 1024 * 1024,
  urlFetchPerDay: 20_000,
  /** "9 KB" read strictly: 9,000 bytes (UTF-8). */
  propertyValueBytes: 9_000,
  propertyStoreBytes: 500 * 1024,
  cacheKeyChars: 250,
  cacheValueBytes: 100 * 1024,
  cacheMaxSeconds: 21_600,
  cacheItems: 1000,
  triggersPerUser: 20,
  sleepMaxMs: 300_000,
  mailRecipientsPerDay: 100,
} as const;

/** Cost of a call touching `cells` cells, rounded up to whole ms. */
export function cellCost(baseMs: number, perCellMs: number, cells: number): number {
  return baseMs + Math.ceil(perCellMs * cells);
}
