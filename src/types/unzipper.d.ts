// The little of unzipper (exceljs's own zip reader) used to read a workbook's parts by name,
// through the zip's central directory.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';
  interface ZipEntry {
    /** The entry's size once inflated, as the central directory records it. */
    readonly uncompressedSize: number;
    readonly path: string;
    buffer(): Promise<Buffer>;
    stream(): Readable;
  }
  export interface Directory {
    readonly files: readonly ZipEntry[];
  }
  const unzipper: { Open: { file(path: string): Promise<Directory> } };
  export default unzipper;
}
