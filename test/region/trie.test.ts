/**
 * The key trie the scanner walks (lib/region/trie.ts): every key that starts at a position is met,
 * shortest first; keys that do not start with two Han characters are left out; nothing else is met.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getIndex } from '../../lib/region/data.ts';
import { buildKeyTrie, childOf, type KeyTrie, pairNode } from '../../lib/region/trie.ts';

/** The keys the trie meets from text[i], as strings, shortest first. */
function keysAt(t: KeyTrie, text: string, i: number): string[] {
  const out: string[] = [];
  let node = pairNode(t, text.charCodeAt(i), text.charCodeAt(i + 1));
  if (node !== 0 && t.terminal[node] === 1) out.push(text.slice(i, i + 2));
  for (let j = i + 2; node !== 0 && j < text.length; j++) {
    node = childOf(t, node, text.charCodeAt(j));
    if (node !== 0 && t.terminal[node] === 1) out.push(text.slice(i, j + 1));
  }
  return out;
}

test('the trie meets every key starting at a position, shortest first, and nothing else', () => {
  const t = buildKeyTrie(['威海', '威海市', '威海市环翠区', '文登', '文登区', '张家产镇', '张家', 'A区', '威x', '塘㙍镇', '威海']);
  const text = '山东省威海市环翠区和文登区张家产镇，塘㙍镇';
  assert.deepEqual(keysAt(t, text, text.indexOf('威')), ['威海', '威海市', '威海市环翠区']);
  assert.deepEqual(keysAt(t, text, text.indexOf('文')), ['文登', '文登区']);
  assert.deepEqual(keysAt(t, text, text.indexOf('张')), ['张家', '张家产镇']);
  assert.deepEqual(keysAt(t, text, text.indexOf('塘')), ['塘㙍镇'], 'Extension A characters are Han');
  assert.deepEqual(keysAt(t, text, 0), []);
  assert.deepEqual(keysAt(t, text, text.indexOf('海')), [], 'a key is met only from its first character');
  // not two Han characters first: never met
  assert.deepEqual(keysAt(t, 'A区', 0), []);
  assert.deepEqual(keysAt(t, '威x', 0), []);
  // the end of the text: a pair cut off by it is no pair
  assert.deepEqual(keysAt(t, '威', 0), []);
  assert.equal(t.nodes, 12); // 威海 市 环 翠 区 / 文登 区 / 张家 产 镇 / 塘㙍 镇
});

test('every index key is met from its own first character', () => {
  const idx = getIndex();
  const keys = [...idx.full.keys(), ...idx.alias.keys(), ...idx.former.keys(), ...idx.stem.keys(), ...idx.wordStem.keys()];
  let scannable = 0;
  for (const key of keys) {
    const han = (k: number) => key.charCodeAt(k) >= 0x3400 && key.charCodeAt(k) <= 0x9fff;
    if (!han(0) || !han(1)) continue;
    scannable++;
    const met = keysAt(idx.trie, key, 0);
    assert.equal(met[met.length - 1], key);
  }
  assert.ok(scannable > 39_000, `${scannable} keys`);
});
