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
 * What Chromium itself gives a screen reader for the element at `target`, on the page or in the
 * open sidebar: its role, name and description (aria-describedby), read from the accessibility
 * tree over the DevTools protocol, as Playwright's aria snapshot leaves descriptions out.
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

type Rgb = [number, number, number];

/** WCAG's contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const lum = ([r, g, b]: Rgb) => {
    const [R, G, B] = [r, g, b].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A computed colour, or undefined when transparent. */
function rgb(css: string): Rgb | undefined {
  const [r = 0, g = 0, b = 0, alpha = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return alpha === 0 ? undefined : [r, g, b];
}

/**
 * What is wrong with the ring drawn round `button` once it has the focus, as colour bands outward
 * from its edge (its box-shadows' spreads, then its outline, over the page's colour): the band
 * touching the button must stand out from the button's fill, and the band touching the page from
 * the page, each at 3:1 (WCAG 1.4.11) and 2 px wide at least. None: [].
 */
export async function focusRingTrouble(button: Locator): Promise<string[]> {
  await button.focus();
  const look = await button.evaluate((b) => {
    const s = getComputedStyle(b);
    // The page behind the button: the first ancestor with a fill of its own (a sidebar is white).
    let page = 'rgb(255, 255, 255)';
    for (let e = b.parentElement; e; e = e.parentElement) {
      const fill = getComputedStyle(e).backgroundColor;
      if (!/rgba\(.*, 0\)$|transparent/.test(fill)) {
        page = fill;
        break;
      }
    }
    return {
      focused: b === document.activeElement,
      fill: s.backgroundColor,
      page,
      shadow: s.boxShadow,
      outline: {
        style: s.outlineStyle,
        colour: s.outlineColor,
        width: s.outlineWidth,
        offset: s.outlineOffset,
      },
    };
  });
  if (!look.focused) return ['the button did not take the focus'];
  const fill = rgb(look.fill) ?? [255, 255, 255];
  const page = rgb(look.page) ?? [255, 255, 255];
  // Each pixel outward from the button's edge, painted as Chromium paints: the shadows (the first
  // on top), then the outline over them.
  const pixels: Rgb[] = Array.from({ length: 24 }, () => page);
  const layers = look.shadow === 'none' ? [] : look.shadow.split(/,(?![^(]*\))/);
  for (const layer of layers.reverse()) {
    const colour = rgb(layer.match(/rgba?\([^)]*\)/)?.[0] ?? '');
    const [, , , spread = 0] = (layer.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+(?=px)/g) ?? []).map(
      Number,
    );
    if (!colour || /inset/.test(layer)) continue;
    for (let d = 0; d < spread && d < pixels.length; d++) pixels[d] = colour;
  }
  const outline = rgb(look.outline.colour);
  if (look.outline.style !== 'none' && outline) {
    const offset = Number.parseFloat(look.outline.offset);
    const width = Number.parseFloat(look.outline.width);
    for (let d = Math.max(0, offset); d < offset + width && d < pixels.length; d++) pixels[d] = outline;
  }
  const same = (a: Rgb, b: Rgb) => a.every((c, i) => c === b[i]);
  const bands: { colour: Rgb; width: number }[] = [];
  for (const p of pixels) {
    const last = bands[bands.length - 1];
    if (last && same(last.colour, p)) last.width++;
    else bands.push({ colour: p, width: 1 });
  }
  while (bands.length && same(bands[bands.length - 1]?.colour ?? page, page)) bands.pop();
  const [inner] = bands;
  const outer = bands[bands.length - 1];
  if (!inner || !outer) return ['no ring is drawn'];
  const say = (c: Rgb) => `rgb(${c.join(', ')})`;
  const trouble: string[] = [];
  if (inner.width < 2 || contrast(inner.colour, fill) < 3)
    trouble.push(
      `next to the button: ${inner.width}px of ${say(inner.colour)}, ${contrast(inner.colour, fill).toFixed(2)}:1 against its ${say(fill)}`,
    );
  if (outer.width < 2 || contrast(outer.colour, page) < 3)
    trouble.push(
      `next to the page: ${outer.width}px of ${say(outer.colour)}, ${contrast(outer.colour, page).toFixed(2)}:1 against its ${say(page)}`,
    );
  return trouble;
}
