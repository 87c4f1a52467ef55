/**
 * The running app's embedded Azurite, written beside its data so command-line tools (the people
 * import) use the same emulator instead of starting a second one on the same folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'endpoint.json';

export function writeEmbeddedStorageInfo(dataDir: string, connectionString: string): void {
  writeFileSync(join(dataDir, FILE), JSON.stringify({ connectionString, pid: process.pid }));
}

/** The connection string of an app that is still running on `dataDir`, if any. */
export function readEmbeddedStorageInfo(dataDir: string): string | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  const { connectionString, pid } = JSON.parse(readFileSync(file, 'utf8')) as {
    connectionString: string;
    pid: number;
  };
  try {
    process.kill(pid, 0);
    return connectionString;
  } catch {
    return null;
  }
}
