// The little of unzipper (exceljs's own zip reader) used to read a workbook's sheet names.
declare module 'unzipper' {
  interface ZipEntry {
    readonly path: string;
    buffer(): Promise<Buffer>;
  }
  interface Directory {
    readonly files: readonly ZipEntry[];
  }
  const unzipper: { Open: { file(path: string): Promise<Directory> } };
  export default unzipper;
}
