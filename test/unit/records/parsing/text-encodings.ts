/**
 * Encoders the platform lacks, for tests: Node's TextEncoder writes only UTF-8, but files saved
 * by Excel or WPS on Chinese Windows are GB18030 (GBK), and Notepad writes UTF-16 with a BOM.
 */
let gbTable: Map<string, number[]> | undefined;

/** Every two-byte GB18030 character, read off the platform's decoder. */
function gb18030Table(): Map<string, number[]> {
  if (gbTable !== undefined) return gbTable;
  gbTable = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!gbTable.has(char)) gbTable.set(char, [lead, trail]);
      } catch {
        // not a character
      }
    }
  }
  return gbTable;
}

/** The text in GB18030 (ASCII and the two-byte characters, which cover Chinese names and places). */
export function gb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gb18030Table().get(char);
      if (pair === undefined) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** The text in UTF-16 with its byte-order mark. */
export function utf16WithBom(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let i = 0; i < text.length; i += 1) view.setUint16(2 + i * 2, text.charCodeAt(i), endian === 'le');
  return bytes;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function joinBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}
