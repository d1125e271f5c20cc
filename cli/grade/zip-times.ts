/**
 * What a zip archive's central directory says that fflate does not expose (zipDirectory): the
 * entries' names as written, which entries are encrypted, and the modification time of each
 * entry: the exact UTC time of the extended-timestamp field (0x5455) when every entry has one,
 * else the MS-DOS date and time every entry has (an archive updated by a second tool may mix
 * them: two clocks). A DOS time carries no time zone: it is read as UTC, the same on every
 * machine; the entries of one archive were written in one zone, so their order holds.
 * Untrusted bytes: every read is bounds-checked, and an archive whose directory cannot be read
 * (ZIP64, truncated) simply gives nothing.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const EXTENDED_TIMESTAMP = 0x5455;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;

/** Entry name (as zipDirectory names it) → modification time in ms since the epoch. */
export function zipEntryTimes(data: Uint8Array): Map<string, number> {
  return zipDirectory(data).times;
}

/**
 * What the central directory says that fflate does not expose: each entry's time (zipEntryTimes),
 * which entries are encrypted (general purpose flag bit 0: a password-protected entry, whose
 * bytes are ciphertext and must not be taken for a damaged or lying entry), and the names of
 * entries without the UTF-8 flag (bit 11) as they were written: fflate reads those as Latin-1,
 * but Windows writes them in its DOS code page (437), and macOS in UTF-8 without saying so.
 * `times` and `encrypted` are keyed by these names; `names` maps fflate's name to it.
 */
export function zipDirectory(data: Uint8Array): { times: Map<string, number>; encrypted: Set<string>; names: Map<string, string> } {
  const times = new Map<string, number>(); // extended timestamps
  const encrypted = new Set<string>();
  const names = new Map<string, string>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - END_SEARCH); at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return { times, encrypted, names };
  const count = u16(end + 10);
  let at = u32(end + 16);
  const utf8 = new TextDecoder();
  const dos = new Map<string, number>();
  for (let i = 0; i < count && at + 46 <= data.length && u32(at) === DIRECTORY_ENTRY; i++) {
    const flags = u16(at + 8);
    const [time, date] = [u16(at + 12), u16(at + 14)];
    const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
    const nameEnd = at + 46 + nameLength;
    const extraEnd = nameEnd + extraLength;
    if (extraEnd > data.length) break;
    const nameBytes = data.subarray(at + 46, nameEnd);
    // UTF-8 when the archive says so (bit 11), as fflate reads it; else see unflaggedName.
    const name = flags & 0x800 ? utf8.decode(nameBytes) : unflaggedName(nameBytes);
    if (!(flags & 0x800) && name !== latin1(nameBytes)) names.set(latin1(nameBytes), name);
    dos.set(name, dosTime(date, time));
    if (flags & 1) encrypted.add(name);
    const exact = extendedTime(view, nameEnd, extraEnd);
    if (exact !== undefined) times.set(name, exact);
    at = extraEnd + commentLength;
  }
  return { times: times.size === dos.size ? times : dos, encrypted, names };
}

/** Windows' DOS code page 437, bytes 0x80–0xFF. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A name without the UTF-8 flag: ASCII as it is; valid UTF-8 as UTF-8 (macOS's Archive Utility
 * and Info-ZIP write UTF-8 without the flag; code page 437 text is almost never valid UTF-8);
 * else code page 437, what the zip format specifies and Windows' "compressed folder" writes.
 */
function unflaggedName(bytes: Uint8Array): string {
  if (bytes.every((byte) => byte < 0x80)) return latin1(bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let text = '';
    for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
    return text;
  }
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** The modification time of an extended-timestamp field in `[from, to)`, if there is one. */
function extendedTime(view: DataView, from: number, to: number): number | undefined {
  for (let at = from; at + 4 <= to; ) {
    const [tag, size] = [view.getUint16(at, true), view.getUint16(at + 2, true)];
    if (tag === EXTENDED_TIMESTAMP && size >= 5 && at + 9 <= to && view.getUint8(at + 4) & 1) return view.getInt32(at + 5, true) * 1000; // signed: Unix seconds
    at += 4 + size;
  }
  return undefined;
}

/** An MS-DOS date and time (two-second precision), read as UTC. */
function dosTime(date: number, time: number): number {
  return Date.UTC(1980 + (date >> 9), ((date >> 5) & 0xf) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2);
}
