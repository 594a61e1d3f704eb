import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctionRate, formatShare, outcomesTotal, ratio, shareGranted, shareRefused, sumKnown } from '../../lib/report/rates';

test('sumKnown: unknown figures are skipped, nothing known is null', () => {
  assert.equal(sumKnown([1, null, 2, undefined]), 3);
  assert.equal(sumKnown([null, undefined]), null);
  assert.equal(sumKnown([0]), 0);
});

test('share granted and refused: of all six outcomes', () => {
  const outcomes = { granted: 6, partiallyGranted: 1, refused: 1, unableToProvide: 2, notProcessed: 0, otherProcessed: 0 };
  assert.equal(outcomesTotal(outcomes), 10);
  assert.equal(shareGranted(outcomes), 0.6);
  assert.equal(shareRefused(outcomes), 0.1);
  // Nothing decided: no share, not 0%.
  assert.equal(shareGranted({ granted: 0, refused: 0 }), null);
  assert.equal(shareGranted({}), null);
  // Granted unknown while others are known: unknown share.
  assert.equal(shareGranted({ granted: null, refused: 2 }), null);
});

test('correction rate: corrected reconsiderations and lawsuits over all of them', () => {
  assert.equal(correctionRate({ reconsiderations: 2, reconsiderationsCorrected: 1, lawsuits: 1, lawsuitsCorrected: 0 }), 1 / 3);
  assert.equal(correctionRate({ reconsiderations: 0, reconsiderationsCorrected: 0, lawsuits: 0, lawsuitsCorrected: 0 }), null);
  // Cases stated, corrections not: unknown, not 0%.
  assert.equal(correctionRate({ reconsiderations: 4, lawsuits: null }), null);
  assert.equal(correctionRate({ reconsiderations: 4, reconsiderationsCorrected: 2 }), 0.5);
  assert.equal(correctionRate({}), null);
});

test('ratio and formatShare', () => {
  assert.equal(ratio(1, 0), null);
  assert.equal(ratio(null, 4), null);
  assert.equal(formatShare(0.4567), '45.7%');
  assert.equal(formatShare(1 / 3, 0), '33%');
  assert.equal(formatShare(null), '—');
});
