/** A database whose schema is newer than this code: an older build must not write to it. */
export class SchemaTooNewError extends Error {
  constructor(database: string, found: number, known: number) {
    super(`the ${database} database has schema version ${found}, newer than this service knows (${known}): run a newer build, or restore a backup from before the upgrade`);
    this.name = 'SchemaTooNewError';
  }
}
