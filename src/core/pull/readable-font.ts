// Text on a coloured cell must read at WCAG's 4.5:1 for normal text. Assembled's activity types
// bring a font colour of their own, and white on a mid green or blue (#6aa84f: 2.9:1) does not:
// such a font gives way to black or white, whichever reads better on the fill (one always reaches 4.6:1).
const MIN_CONTRAST = 4.5;

/** Relative luminance of #rgb or #rrggbb; undefined for anything else (a colour we cannot judge). */
function luminance(color: string): number | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const digits = m[1] as string;
  const hex = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The font colour for text on `background` (null: the sheet's white): `font` when it reads there,
 * else black or white. A fill we cannot judge keeps the font it came with.
 */
export function readableFont(background: string | null, font: string | null): string | null {
  const fill = background === null ? 1 : luminance(background);
  if (fill === undefined || (font === null && background === null)) return font;
  const text = font === null ? undefined : luminance(font);
  if (text !== undefined && contrast(fill, text) >= MIN_CONTRAST) return font;
  return contrast(fill, 0) >= contrast(fill, 1) ? '#000000' : '#ffffff';
}
