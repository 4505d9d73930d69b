import { readdir } from 'node:fs/promises';
import { DatasetFolderError } from './dataset-folder-error.js';

/** The names in a dataset folder; a folder that cannot be listed is a `DatasetFolderError`. */
export async function listDatasetFolder(dir: string): Promise<ReadonlySet<string>> {
  try {
    return new Set(await readdir(dir));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${String(code)})`;
    throw new DatasetFolderError(dir, problem, { cause });
  }
}
