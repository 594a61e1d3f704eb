import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { loadConfig, reloadConfig } from '../../lib/config';
import { bumpIndexGeneration } from '../../lib/engine/generation';
import { createSearchCache } from '../../lib/search/cache';

const cacheFreshMs = (env: Record<string, string>) => loadConfig(env).searchCacheMs;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loader that counts its calls and answers `answer()` after `delayMs`, or fails when told. */
function counter(delayMs = 5) {
  const state = { calls: 0, fail: false, answer: 'a' };
  const load = async () => {
    state.calls++;
    await sleep(delayMs);
    if (state.fail) throw new Error('engine down');
    return `${state.answer}${state.calls}`;
  };
  return { state, load };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterEach(() => {
  assert.deepEqual(unhandled, []);
});

describe('search cache', () => {
  it('answers the same search from memory while fresh, and fifty readers at once with one call', async () => {
    const cache = createSearchCache({ freshMs: 1_000 });
    const { state, load } = counter(20);
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.get('q=x', load)));
    assert.deepEqual(new Set(answers), new Set(['a1']));
    assert.equal(state.calls, 1);
    assert.equal(await cache.get('q=x', load), 'a1');
    assert.equal(await cache.get('q=y', load), 'a2');
    assert.equal(state.calls, 2);
  });

  it('serves a stale answer once while it refreshes, then the new one', async () => {
    const cache = createSearchCache({ freshMs: 400 }); // each answer fresh 300–500 ms, too old past 700
    const { state, load } = counter(10);
    assert.equal(await cache.get('k', load), 'a1');
    await sleep(550);
    assert.equal(await cache.get('k', load), 'a1'); // stale, refresh started
    let next = 'a1';
    for (let i = 0; i < 50 && next === 'a1'; i++) {
      await sleep(10);
      next = await cache.get('k', load);
    }
    assert.equal(next, 'a2');
    assert.equal(state.calls, 2);
  });

  it('waits for a new answer past twice the fresh time', async () => {
    const cache = createSearchCache({ freshMs: 60 }); // too old past 105–135 ms
    const { state, load } = counter(5);
    assert.equal(await cache.get('k', load), 'a1');
    await sleep(150);
    assert.equal(await cache.get('k', load), 'a2');
    assert.equal(state.calls, 2);
  });

  it('refreshes at most two stale answers at a time, and refreshes them all', async () => {
    const cache = createSearchCache({ freshMs: 400 });
    let running = 0;
    let most = 0;
    let calls = 0;
    const load = async () => {
      calls++;
      running++;
      most = Math.max(most, running);
      await sleep(20);
      running--;
      return calls;
    };
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const key of keys) await cache.get(key, load);
    await sleep(550);
    most = 0;
    const stale = await Promise.all(keys.map((key) => cache.get(key, load)));
    assert.deepEqual(stale, [1, 2, 3, 4, 5, 6], 'every reader gets the stale answer at once');
    for (let i = 0; i < 50 && calls < 12; i++) await sleep(10);
    assert.equal(calls, 12, 'all six refreshed');
    assert.ok(most <= 2, `at most two at a time (saw ${most})`);
  });

  it('never caches a failure, and a failed refresh drops the old answer', async () => {
    const cache = createSearchCache({ freshMs: 400 });
    const { state, load } = counter(5);
    state.fail = true;
    await assert.rejects(cache.get('k', load), /engine down/);
    state.fail = false;
    assert.equal(await cache.get('k', load), 'a2');
    await sleep(550);
    state.fail = true;
    assert.equal(await cache.get('k', load), 'a2'); // stale while the refresh fails
    await sleep(100);
    await assert.rejects(cache.get('k', load), /engine down/);
  });

  it('a change of the index by this process is seen at once', async () => {
    const cache = createSearchCache({ freshMs: 60_000 });
    const { state, load } = counter(1);
    assert.equal(await cache.get('k', load), 'a1');
    assert.equal(await cache.get('k', load), 'a1');
    bumpIndexGeneration();
    assert.equal(await cache.get('k', load), 'a2');
    assert.equal(state.calls, 2);
  });

  it('a run of the indexer in another process (a new run report in runs/) is seen within a second', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
    const before = process.env.NIANBAO_DATA_DIR;
    process.env.NIANBAO_DATA_DIR = root;
    reloadConfig();
    try {
      await sleep(1_100); // the marker of the folder used before is a second old at most
      const cache = createSearchCache({ freshMs: 60_000 });
      const { state, load } = counter(1);
      assert.equal(await cache.get('k', load), 'a1');
      await sleep(1_100);
      assert.equal(await cache.get('k', load), 'a1');
      mkdirSync(path.join(root, 'runs'));
      writeFileSync(path.join(root, 'runs', 'run.json'), '{}');
      await sleep(1_100);
      assert.equal(await cache.get('k', load), 'a2');
      assert.equal(state.calls, 2);
    } finally {
      if (before === undefined) delete process.env.NIANBAO_DATA_DIR;
      else process.env.NIANBAO_DATA_DIR = before;
      reloadConfig();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('stays bounded', async () => {
    const cache = createSearchCache({ freshMs: 60_000 });
    for (let i = 0; i < 2_500; i++) await cache.get(`k${i}`, async () => i);
    assert.equal(cache.size, 2_000);
    const big = 'x'.repeat(3 * 1024 * 1024); // ~6 MB each as UTF-16
    for (let i = 0; i < 10; i++) await cache.get(`big${i}`, async () => big + i);
    assert.ok(cache.size < 2_000);
  });

  it('is off with NIANBAO_SEARCH_CACHE_SECONDS=0, and ignores a value that is not a number of seconds', async () => {
    assert.equal(cacheFreshMs({ NIANBAO_SEARCH_CACHE_SECONDS: '0' }), 0);
    assert.equal(cacheFreshMs({ NIANBAO_SEARCH_CACHE_SECONDS: '30' }), 30_000);
    assert.equal(cacheFreshMs({ NIANBAO_SEARCH_CACHE_SECONDS: 'soon' }), 60_000);
    assert.equal(cacheFreshMs({}), 60_000);
    const cache = createSearchCache({ freshMs: 0 });
    const { state, load } = counter(1);
    await cache.get('k', load);
    await cache.get('k', load);
    assert.equal(state.calls, 2);
  });
});
