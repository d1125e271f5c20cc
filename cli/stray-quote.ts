/** Advice for a name whose quotes reached flowgrade, the shell's or cmd's way of quoting it gone wrong. */

/**
 * cmd (and Windows PowerShell, for a path with a space) hands `"C:\My Class\"` over as
 * `C:\My Class"`: by Windows' rule for program arguments a backslash before a quote escapes it.
 * A name quoted at both ends kept its quotes: cmd's `'lab3.zip'` (it takes no single quotes), or
 * a name quoted twice (`'"lab 3"'`, a script's `"\"$DIR\""`).
 */
export function strayQuote(input: string): string {
  const inner = input.slice(1, -1);
  // Quoted at both ends: the quotes themselves reached flowgrade, neither is a path's closing one.
  if (input.length > 2 && input.startsWith("'") && input.endsWith("'")) return ` (cmd does not take '…' as quotes and passes them on: write "${inner}", in double quotes)`;
  if (input.length > 2 && input.startsWith('"') && input.endsWith('"')) return ` (its quotes are part of the name given, as when it is quoted twice: write ${inner}, without them)`;
  return input.endsWith('"') ? ` (on Windows, a quoted path ending in \\ keeps its closing quote: write "${input.slice(0, -1)}", without the last \\)` : '';
}
