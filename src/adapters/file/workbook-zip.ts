import { basename, dirname } from 'node:path';
import unzipper, { type Directory } from 'unzipper';
import { DatasetFolderError } from './dataset-folder-error.js';
import { TuopinError } from '../../kernel/errors.js';

/**
 * An `.xlsx` file as a zip whose parts are found through its central directory and read by
 * name, whatever order they are stored in; the small parts that say where the sheets are and
 * how dates are kept are read here (see `workbook-rows.ts` for a sheet's rows).
 */

/**
 * A file that cannot be read as a workbook (saved as text or as an old `.xls`, cut short, or
 * damaged) is a problem of the dataset folder, named by the file, never a stack trace.
 */
export function unreadableWorkbook(path: string, cause: unknown): TuopinError {
  if (cause instanceof TuopinError) return cause;
  const file = basename(path);
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new DatasetFolderError(dirname(path), { key: 'folder.notWorkbook', params: { file, detail } }, { cause });
}

/** The workbook's zip directory; see `unreadableWorkbook` for a file that is not one. */
export async function openWorkbook(path: string): Promise<Directory> {
  try {
    return await unzipper.Open.file(path);
  } catch (cause) {
    throw unreadableWorkbook(path, cause);
  }
}

/**
 * The size of a sheet's XML as the zip's directory records it (uncompressed bytes), or `null`
 * when the workbook has no such part: the total an import measures its progress against,
 * known before a row is read.
 */
export async function sheetPartSize(path: string, fileNo: string): Promise<number | null> {
  const zip = await openWorkbook(path);
  return zip.files.find((file) => file.path === `xl/worksheets/sheet${fileNo}.xml`)?.uncompressedSize ?? null;
}

/** Whether `workbook.xml` keeps dates as days since 1904 (old Mac Excel) instead of 1900. */
export function usesDate1904(workbookXml: string): boolean {
  const tag = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  return /^(?:1|true)$/.test(attribute(tag, 'date1904') ?? '');
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

/**
 * A workbook's sheets: name → the number of its part (`xl/worksheets/sheet3.xml` is `3`), in
 * the workbook's order. Only the two small parts that say so are read, from the zip's
 * directory, never the sheets.
 */
export async function listWorkbookSheets(path: string): Promise<Map<string, string>> {
  const zip = await openWorkbook(path);
  const text = async (name: string): Promise<string> => (await zip.files.find((f) => f.path === name)?.buffer())?.toString('utf8') ?? '';
  const [workbookXml, relsXml] = await Promise.all([text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')]).catch((cause: unknown) => {
    throw unreadableWorkbook(path, cause);
  });
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const fileNo = /worksheets\/sheet(\d+)\.xml$/.exec(attribute(tag, 'Target') ?? '')?.[1];
    if (id !== undefined && fileNo !== undefined) targets.set(id, fileNo);
  }
  const sheets = new Map<string, string>();
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const fileNo = targets.get(attribute(tag, 'r:id') ?? '');
    if (name !== undefined && fileNo !== undefined) sheets.set(unescapeXml(name), fileNo);
  }
  return sheets;
}
