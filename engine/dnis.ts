/** The DNIS a simulated call dials, as the user types it: E.164 with `+`, spaces, dashes and parentheses allowed. */

const E164 = /^\+\d{6,15}$/;

/** The number without spaces, dashes and parentheses, or undefined when it is not E.164 (`+` and 6–15 digits). */
export function parseDnis(text: string): string | undefined {
  const dnis = text.replace(/[\s()-]/g, '');
  return E164.test(dnis) ? dnis : undefined;
}
