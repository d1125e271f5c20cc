/**
 * Paths whose names are not UTF-8, as Linux's `unzip` writes the names of a zip made on Windows:
 * their bytes in code page 437 (Linux only: other file systems refuse such names).
 */

/** The few letters the tests' names use, in code page 437. */
const CODE_PAGE_437: Record<string, number> = { é: 0x82, É: 0x90, è: 0x8a };

/** `name` in code page 437 (`Élève_1` → 0x90 l 0x8A v e _ 1). */
export function inCodePage437(name: string): Buffer {
  return Buffer.from([...name].map((letter) => CODE_PAGE_437[letter] ?? letter.charCodeAt(0)));
}

/** `root`, then each name below it: a string as UTF-8, a Buffer as its bytes. */
export function bytesPath(root: string, ...names: (string | Buffer)[]): Buffer {
  return Buffer.concat([Buffer.from(root), ...names.flatMap((name) => [Buffer.from('/'), typeof name === 'string' ? Buffer.from(name) : name])]);
}
