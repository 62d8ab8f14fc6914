// What one client has learned of the server's page size on each list endpoint (method and path,
// no query), so that a first page shorter than asked is known for the last without asking the next
// offset (paging.ts). Held by the client, so it lasts an execution (or a push's run) and is never
// saved. The server is taken to cap every page of an endpoint at one size all that while: a page of
// n records shows the cap is at least n, so a later first page shorter than the longest seen was
// short of the cap, the last. Only the longest page is kept: a page that merely ended its list (the
// next offset empty) says no more than that, not that the server gives all the limit asked.

export class PageSizes {
  private readonly longest = new Map<string, number>();
  /** Endpoints whose pages were seen to vary in size: nothing is assumed of them. */
  private readonly varying = new Set<string>();
  /** Endpoints a wider list was asked of to learn the cap (once each: it may teach nothing). */
  private readonly probed = new Set<string>();

  /** A page of `held` records came back from `endpoint`. */
  saw(endpoint: string, held: number): void {
    if (this.varying.has(endpoint)) return;
    this.longest.set(endpoint, Math.max(held, this.longest.get(endpoint) ?? 0));
  }

  /** A page came back longer than one before it that was not the last: no one cap explains it. */
  varies(endpoint: string): void {
    this.varying.add(endpoint);
    this.longest.delete(endpoint);
  }

  /** Whether a first page of `held` records is known to be its list's last. */
  isLast(endpoint: string, held: number): boolean {
    return held < (this.longest.get(endpoint) ?? 0);
  }

  /** Whether a wider list may still be asked of `endpoint` to learn its cap; true only the first time. */
  mayProbe(endpoint: string): boolean {
    if (this.varying.has(endpoint) || this.probed.has(endpoint)) return false;
    this.probed.add(endpoint);
    return true;
  }
}
