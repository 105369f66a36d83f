import { HearthDb } from './db';

let instance: HearthDb | null = null;

/** The page's (or the worker's) one connection to Hearth's database. */
export function getDb(): HearthDb {
  instance ??= new HearthDb();
  return instance;
}

export { HearthDb } from './db';
export * from './records-repo';
export { ImportWriter, StorageFullError } from './import-writer';
