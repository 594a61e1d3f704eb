/**
 * npm run meili [-- --port 7700]
 * Runs the embedded Meilisearch (data in data/meili/, master key in .env.local) until Ctrl-C.
 * `npm run index` and `npm run portal` reuse it while it runs.
 */

import { ensureLocalSecrets, localEnvPath } from '../lib/config/local-env';
import { DEFAULT_DATA_DIR, type EmbeddedMeili, findRunningInstance, startEmbeddedMeili } from '../lib/engine/embedded';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 7700;
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write('usage: npm run meili [-- --port PORT]\n');
  process.exit(2);
}

const { MEILI_MASTER_KEY: masterKey } = ensureLocalSecrets();
const running = await findRunningInstance(DEFAULT_DATA_DIR, masterKey);
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
