/** Colours as getComputedStyle gives them (`rgb(…)`/`rgba(…)`), for the WCAG contrast checks of the browser tests. */

/** The red, green and blue of an opaque computed colour; a translucent one must be blended first (`over`). */
export function rgb(color: string): [number, number, number] {
  const [r, g, b, alpha] = channels(color);
  if (alpha < 1) throw new Error(`translucent colour, blend it first: ${color}`);
  return [r, g, b];
}

function channels(color: string): [number, number, number, number] {
  const match = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)(?:,\s*(\d+(?:\.\d+)?))?\)$/.exec(color);
  if (!match) throw new Error(`not an rgb() colour: ${color}`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

/**
 * A colour as it shows over an opaque backdrop: Chromium's emulated Contrast themes give the system
 * colour Highlight translucent (`rgba(0, 230, 255, 0.8)`).
 */
export function over(color: string, backdrop: string): string {
  const [r, g, b, alpha] = channels(color);
  const under = rgb(backdrop);
  const mix = [r, g, b].map((value, i) => Math.round(value * alpha + under[i] * (1 - alpha)));
  return `rgb(${mix.join(', ')})`;
}

/** WCAG 2.x relative luminance of an opaque computed colour. */
export function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two opaque computed colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}
