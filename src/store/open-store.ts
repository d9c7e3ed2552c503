/**
 * The store the configuration names: PostgreSQL when CDS_DATABASE_URL is set (replicas share it),
 * else SQLite at CDS_FEEDBACK_DB (its folder checked first). Failing to open it is one sentence,
 * never the URL (it may hold a password) and never a stack trace: main.ts logs it and exits.
 */
import { dataFolderProblem } from './data-folder.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export interface StoreSettings {
  /** CDS_FEEDBACK_DB */
  readonly feedbackDb: string;
  /** CDS_DATABASE_URL */
  readonly databaseUrl: string | undefined;
}

const firstLine = (err: unknown): string => (err instanceof Error ? (err.message.split('\n')[0] ?? err.name) : 'unknown error');

export async function openConfiguredStore(settings: StoreSettings, options: { readonly onIdleError?: (err: Error) => void } = {}): Promise<Store> {
  if (settings.databaseUrl !== undefined) {
    try {
      // Loaded only when configured: the pg package added a tenth to the start-up of every SQLite service.
      const { openPostgresStore } = await import('./postgres-store.js');
      return await openPostgresStore(settings.databaseUrl, options.onIdleError === undefined ? {} : { onIdleError: options.onIdleError });
    } catch (err) {
      throw new StoreOpenError(`the PostgreSQL database of CDS_DATABASE_URL cannot be opened (${firstLine(err)})`);
    }
  }
  const problem = dataFolderProblem(settings.feedbackDb);
  if (problem !== undefined) throw new StoreOpenError(problem);
  try {
    return openSqliteStore(settings.feedbackDb);
  } catch (err) {
    throw new StoreOpenError(`the feedback database cannot be opened (${firstLine(err)})`);
  }
}
