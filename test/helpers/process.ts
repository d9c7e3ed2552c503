/**
 * The real entry point as a child process: `node --import tsx src/main.ts` with a given
 * environment (PORT 0 on 127.0.0.1), resolved once it logs the port it listens on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];

export interface Running {
  readonly child: ChildProcess;
  readonly url: string;
}

/** `user`: run the service as another uid/gid (tests of file permissions, when the tests run as root). */
export function spawnService(env: Record<string, string>, user: { readonly uid?: number; readonly gid?: number } = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    ...user,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CDS_TRUSTED_ISSUERS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

export function startService(env: Record<string, string>): Promise<Running> {
  const child = spawnService(env);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`service did not start: ${out} ${err}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      for (const line of out.split('\n')) {
        if (!line.includes('osteo-cds listening')) continue;
        const port = (JSON.parse(line) as { port: number }).port;
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}` });
        return;
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited (${String(code)}) before listening: ${err}`));
    });
  });
}

/** Resolves with the exit code, signal and everything written to stdout. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode, stdout });
    else child.once('exit', (code, signal) => resolve({ code, signal, stdout }));
  });
}

/** Kills every child still running (afterEach). */
export function killAll(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
