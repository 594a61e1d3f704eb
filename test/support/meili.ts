import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSecret, startEmbeddedMeili } from '../../lib/engine/embedded';

export interface TestMeili {
  url: string;
  masterKey: string;
  pid: number;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * A real Meilisearch for one test file: the packaged binary on a free port, a throw-away data
 * folder and key, not announced to other commands. Call stop() in `after`.
 */
export async function startTestMeili(): Promise<TestMeili> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-meili-'));
  const meili = await startEmbeddedMeili({ dataDir, masterKey: generateSecret(), announce: false });
  return {
    url: meili.url,
    masterKey: meili.masterKey,
    pid: meili.pid,
    async stop() {
      await meili.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
