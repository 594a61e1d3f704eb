/**
 * npm run meili [-- --port 7700]
 * Runs the embedded Meilisearch (data in data/meili/, master key in .env.local) until Ctrl-C.
 * `npm run index` and `npm run portal` reuse it while it runs.
 */

import { config } from '../lib/config';
import { ensureLocalSecrets, localEnvPath } from '../lib/config/local-env';
import { type EmbeddedMeili, findRunningInstance, startEmbeddedMeili } from '../lib/engine/embedded';
import { parseCommandLine } from './support/cli';

const USAGE = 'usage: npm run meili [-- --port PORT]';
const { values } = parseCommandLine('npm run meili', USAGE, { port: { type: 'string', default: '7700' } }, { positiveIntegers: ['port'] });
const port = Number(values.port);
if (port > 65535) {
  process.stderr.write(`npm run meili: --port must be at most 65535\n${USAGE}\n`);
  process.exit(2);
}

const { MEILI_MASTER_KEY: masterKey } = ensureLocalSecrets();
const running = await findRunningInstance(config().data.meili, masterKey);
if (running) {
  process.stdout.write(`Meilisearch is already running at ${running.url} (pid ${running.pid})\n`);
  process.exit(0);
}

let meili: EmbeddedMeili;
try {
  meili = await startEmbeddedMeili({ port, masterKey });
} catch (error) {
  process.stderr.write(`could not start Meilisearch: ${(error as Error).message}\n`);
  process.exit(2);
}
process.stdout.write(`Meilisearch ${meili.url} (pid ${meili.pid}, data ${meili.dataDir}; master key in ${localEnvPath()})\n`);
process.stdout.write('Ctrl-C to stop.\n');

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping Meilisearch…\n`);
  await meili.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
await meili.exited;
if (!stopping) {
  process.stderr.write('Meilisearch exited unexpectedly (see data/meili/meili.log)\n');
  process.exit(1);
}
