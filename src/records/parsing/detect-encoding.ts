import { type TextEncodingName } from '../record-errors.js';

/** How many bytes past the first non-ASCII byte are looked at before the encoding is decided. */
export const DETECTION_WINDOW_BYTES = 64 * 1024;

/** The share of non-ASCII characters that must be Chinese text for bytes to be taken as GB18030. */
export const GB18030_MIN_CJK_SHARE = 0.8;

/** The encoding a byte-order mark at the start of a file declares, and the mark's length; `null` without one. */
export function encodingOfBom(start: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (start[0] === 0xff && start[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (start[0] === 0xfe && start[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** A fatal decoder: invalid bytes throw instead of turning into U+FFFD. A BOM inside the text is kept as text. */
export function strictDecoder(encoding: TextEncodingName) {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
}

/** The bytes decoded, or `null` when they are not valid in the encoding. */
export function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return strictDecoder(encoding).decode(bytes);
  } catch {
    return null;
  }
}

/** Han, CJK punctuation and symbols, kana, full-width forms, and the punctuation Chinese text uses (·, —, “”, …). */
function isChineseText(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff) ||
    (codePoint >= 0x2000 && codePoint <= 0x206f) ||
    codePoint === 0xb7
  );
}

/** The share of a text's non-ASCII characters that are Chinese text (1 when it has none). */
export function chineseShare(text: string): number {
  let nonAscii = 0;
  let chinese = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x80) continue;
    nonAscii += 1;
    if (isChineseText(codePoint)) chinese += 1;
  }
  return nonAscii === 0 ? 1 : chinese / nonAscii;
}

/**
 * Decides the encoding of a file without a byte-order mark from its first lines that are not
 * plain ASCII (up to `DETECTION_WINDOW_BYTES`): valid UTF-8 is UTF-8 (Chinese in GBK is almost
 * never valid UTF-8, so this cannot mistake one for the other); otherwise valid GB18030 whose
 * non-ASCII characters are at least 80 % Chinese text is GB18030 (what Excel and WPS write on
 * Chinese Windows); otherwise `null`, and the file is refused. Until the first non-ASCII byte
 * the choice does not matter: ASCII is the same in both.
 */
export function chooseEncoding(lines: readonly Uint8Array[]): 'utf-8' | 'gb18030' | null {
  if (lines.every((line) => tryDecode('utf-8', line) !== null)) return 'utf-8';
  const texts = lines.map((line) => tryDecode('gb18030', line));
  if (texts.some((text) => text === null)) return null;
  return chineseShare(texts.join('\n')) >= GB18030_MIN_CJK_SHARE ? 'gb18030' : null;
}

/**
 * Where the first bad byte of a line is, for the refusal: `byte 7 (0xff 0x41)`, 1-based, at the
 * start of the character that could not be read (which may be cut off by the line's end).
 */
export function firstBadByte(encoding: TextEncodingName, line: Uint8Array): string {
  const decodes = (length: number): boolean => {
    try {
      strictDecoder(encoding).decode(line.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // The longest prefix a streaming decoder takes: it stops at the bad byte, or takes the whole
  // line when only its last character is cut off.
  let good = line.length;
  if (!decodes(line.length)) {
    good = 0;
    let bad = line.length;
    while (bad - good > 1) {
      const middle = Math.floor((good + bad) / 2);
      if (decodes(middle)) good = middle;
      else bad = middle;
    }
  }
  // Back to the end of the last whole character (a character is at most 4 bytes).
  let start = good;
  while (start > 0 && start > good - 4 && tryDecode(encoding, line.subarray(0, start)) === null) start -= 1;
  const shown = [...line.subarray(start, start + 2)].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
  return `byte ${start + 1} (${shown})`;
}
