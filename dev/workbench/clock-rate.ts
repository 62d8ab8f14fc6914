// A faster clock for tests: the virtual clock moves `rate` times the real time that passes, and a
// sidebar's timers and Date.now() keep its pace, so a page that waits "10 s" for the add-on's next
// check waits 10 virtual seconds (10 / rate real ones). The product's workbench runs at rate 1.

/** A script for the top of a sidebar page that runs its timers and Date.now() at the clock's rate. */
export function clockRateScript(rate: number): string {
  if (rate === 1) return '';
  return `(() => {
  const rate = ${JSON.stringify(rate)};
  const realNow = Date.now.bind(Date);
  const start = realNow();
  const setTimeout_ = window.setTimeout.bind(window);
  const setInterval_ = window.setInterval.bind(window);
  window.setTimeout = (fn, ms, ...args) => setTimeout_(fn, (Number(ms) || 0) / rate, ...args);
  window.setInterval = (fn, ms, ...args) => setInterval_(fn, (Number(ms) || 0) / rate, ...args);
  Date.now = () => start + Math.round((realNow() - start) * rate);
})();
`;
}

/** The rate a workbench option asks for; a clear error for one that is no rate. */
export function clockRate(rate: number | undefined): number {
  if (rate === undefined) return 1;
  if (!Number.isFinite(rate) || rate < 1 || rate > 100)
    throw new Error(`clockRate must be a number from 1 to 100, not ${rate}`);
  return rate;
}
