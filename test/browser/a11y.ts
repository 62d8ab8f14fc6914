// Keyboard use of a sidebar: every visible control is reached by Tab and has an accessible name
// (Chromium's own computation, through Playwright's aria snapshot); and what Chromium gives a screen
// reader for one element, its description too (accessible).
import type { FrameLocator, Locator, Page } from 'playwright-core';

const CONTROLS = 'input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

export interface KeyboardAudit {
  controls: number;
  /**
   * Controls Tab never reached. A radio group counts as reached when one of its radios is, and so
   * does a group of checkboxes walked with the arrow keys (one Tab stop: picker.ts).
   */
  unreached: string[];
  /** Controls with no accessible name. */
  unnamed: string[];
}

export async function auditKeyboard(page: Page, frame: FrameLocator): Promise<KeyboardAudit> {
  const controls = await frame.locator(CONTROLS).evaluateAll((els) =>
    els
      .filter((e) => e.checkVisibility() && !(e as HTMLInputElement).disabled)
      .map((e, i) => {
        e.setAttribute('data-audit', String(i));
        const input = e as HTMLInputElement;
        return {
          i,
          what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${input.type ? `[${input.type}]` : ''}`,
          radioGroup:
            input.type === 'radio'
              ? input.name
              : input.type === 'checkbox' && e.closest('[role=group]')
                ? `group:${e.closest('[role=group]')?.getAttribute('aria-label')}`
                : '',
        };
      }),
  );
  // Record every control that takes focus, then Tab from the sidebar's close button (just before
  // the frame) until focus leaves the frame again.
  await frame.locator(':root').evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { auditSeen: string[] }).auditSeen = seen;
    document.addEventListener('focusin', (event) => {
      const at = (event.target as Element).getAttribute?.('data-audit');
      if (at !== null && at !== undefined) seen.push(at);
    });
  });
  await page.locator('#closeSidebar').focus();
  const inFrame = () => page.evaluate(() => document.activeElement?.id === 'sidebarFrame');
  let entered = false;
  for (let presses = 0; presses < controls.length + 20; presses++) {
    await page.keyboard.press('Tab');
    const inside = await inFrame();
    if (inside) entered = true;
    else if (entered) break;
  }
  const seen = new Set(
    await frame.locator(':root').evaluate(() => (window as unknown as { auditSeen: string[] }).auditSeen),
  );
  const groupsSeen = new Set(
    controls.filter((c) => seen.has(String(c.i)) && c.radioGroup).map((c) => c.radioGroup),
  );
  const unreached = controls
    .filter((c) => !seen.has(String(c.i)) && !(c.radioGroup && groupsSeen.has(c.radioGroup)))
    .map((c) => c.what);
  const unnamed: string[] = [];
  for (const c of controls) {
    const snapshot = await frame.locator(`[data-audit="${c.i}"]`).ariaSnapshot();
    // - checkbox "Dublin", - combobox "Data", - 'button "Run now: Teams"': Run now (YAML-quoted).
    if (!/^- '?[\w-]+ "[^"]*\S/.test(snapshot.split('\n')[0] ?? '')) unnamed.push(`${c.what}: ${snapshot}`);
  }
  return { controls: controls.length, unreached, unnamed };
}

export interface Accessible {
  role: string;
  name: string;
  description: string;
}

type AxValue = { value?: unknown };

/**
 * What Chromium itself gives a screen reader for the element at `target` in the open sidebar: its
 * role, name and description (aria-describedby), read from the accessibility tree over the
 * DevTools protocol, as Playwright's aria snapshot leaves descriptions out.
 */
export async function accessible(target: Locator): Promise<Accessible> {
  const handle = await target.elementHandle();
  const frame = await handle?.ownerFrame();
  await handle?.dispose();
  if (!frame) throw new Error('The element is in no frame');
  await target.evaluate((e) => e.setAttribute('data-ax', ''));
  // The sidebar's frame is sandboxed without its page's origin: Chromium runs it in a process of
  // its own, with a protocol session of its own.
  const cdp = await frame.page().context().newCDPSession(frame);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-ax]' });
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
      nodeId,
      fetchRelatives: false,
    })) as {
      nodes: { role?: AxValue; name?: AxValue; description?: AxValue }[];
    };
    const [node] = nodes;
    return {
      role: String(node?.role?.value ?? ''),
      name: String(node?.name?.value ?? ''),
      description: String(node?.description?.value ?? ''),
    };
  } finally {
    await target.evaluate((e) => e.removeAttribute('data-ax')).catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}
