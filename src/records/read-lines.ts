/**
 * Splits a stream of text or UTF-8 byte chunks into lines without holding the whole input:
 * `\n` and `\r\n` end a line, a final line without a newline is still yielded, and a leading
 * byte-order mark is dropped. Line `n` of the file is the `n`-th value yielded (blank lines included).
 */
export async function* readLines(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let first = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    pending += text;
    let start = 0;
    let end = pending.indexOf('\n', start);
    while (end !== -1) {
      yield stripCarriageReturn(pending.slice(start, end));
      start = end + 1;
      end = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield stripCarriageReturn(pending);
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
