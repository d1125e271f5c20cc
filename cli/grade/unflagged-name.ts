/**
 * A name written as bytes with no word on their encoding: a zip entry's without the UTF-8 flag, or
 * a file's or folder's on Linux, where `unzip` writes an archive's names as they are. Read as UTF-8
 * when it is (macOS's Archive Utility and Info-ZIP write UTF-8 without the flag; code page 437
 * text is almost never valid UTF-8), else in code page 437, what the zip format specifies and
 * Windows' "compressed folder" writes.
 */
export function unflaggedName(bytes: Uint8Array): string {
  if (bytes.every((byte) => byte < 0x80)) return latin1(bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let text = '';
    for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
    return text;
  }
}

/** Each byte as the character of that code (what fflate reads an unflagged zip name as). */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** Windows' DOS code page 437, bytes 0x80–0xFF. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
