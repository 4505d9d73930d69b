/*
 * What a file the API sends (report.xlsx) is saved as. A plain link cannot carry a SigV4
 * signature, and on AWS the API is on another origin, so the console fetches the file through
 * the transport (client.ts, `getFile`) and names it itself from the answer's headers.
 */

/** The workbook's media type: API Gateway returns the body as bytes only when Accept names it. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The file name of a Content-Disposition header: the UTF-8 `filename*` (RFC 6266 / 5987) where
 * there is one, since it keeps the Chinese name, else the plain `filename`, else `fallback`.
 */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentDisposition);
  return plain?.[1] ?? plain?.[2] ?? fallback;
}
