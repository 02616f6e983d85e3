/**
 * UTF-8 checks on bytes, for the readers (#14): bytes that are not valid UTF-8 decode to U+FFFD,
 * which would merge every broken text into one group. The readers reject such a row (or refuse
 * such a header) naming the line instead. Platform-neutral.
 * @internal
 * @module
 */

/**
 * The index of the first byte of the first sequence in `b[s, e)` that is not valid UTF-8
 * (a stray continuation byte, an overlong form, a surrogate, a code point above U+10FFFF, or a
 * sequence cut by `e`), or -1 when the bytes are valid.
 * @internal
 */
export function firstInvalidUtf8(b: Uint8Array, s: number, e: number): number {
  let i = s;
  while (i < e) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= e) return i;
    const x = b[i + 1]!;
    if (x < lo || x > hi) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** Whether `b[s, e)` holds the UTF-8 bytes of U+FFFD (EF BF BD), the mark of text already lost. @internal */
export function hasReplacementChar(b: Uint8Array, s: number, e: number): boolean {
  for (let i = b.indexOf(0xef, s); i >= 0 && i + 2 < e; i = b.indexOf(0xef, i + 1)) {
    if (b[i + 1] === 0xbf && b[i + 2] === 0xbd) return true;
  }
  return false;
}

/**
 * Whether `b[s, e)` is valid UTF-8 without U+FFFD: text whose every character decodes as written.
 * @internal
 */
export function isCleanUtf8(b: Uint8Array, s: number, e: number): boolean {
  return firstInvalidUtf8(b, s, e) < 0 && !hasReplacementChar(b, s, e);
}

/** Whether a decoded text holds U+FFFD (bytes that were not valid UTF-8, or text lost before). @internal */
export function hasReplacement(text: string): boolean {
  return text.includes('\uFFFD');
}
