import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicationDeadline, timeliness } from '../../lib/report/deadline';

test('since 2019, departments publish by 31 January and governments by 31 March', () => {
  assert.equal(publicationDeadline(2023, 'county_department'), '2024-01-31');
  assert.equal(publicationDeadline(2023, 'province_department'), '2024-01-31');
  assert.equal(publicationDeadline(2023, 'central_department'), '2024-01-31');
  assert.equal(publicationDeadline(2023, 'county'), '2024-03-31');
  assert.equal(publicationDeadline(2023, 'township'), '2024-03-31');
  assert.equal(publicationDeadline(2019, 'city_department'), '2020-01-31');
});

test('before 2019 every report was due by 31 March', () => {
  assert.equal(publicationDeadline(2018, 'county_department'), '2019-03-31');
  assert.equal(publicationDeadline(2012, 'township'), '2013-03-31');
  assert.equal(publicationDeadline(2012, null), '2013-03-31');
});

test('the rule is unknown without a year, or for bodies whose level is unclear', () => {
  assert.equal(publicationDeadline(null, 'county'), null);
  assert.equal(publicationDeadline(2022, null), null);
  assert.equal(publicationDeadline(2022, 'other'), null);
  assert.deepEqual(timeliness({ year: 2022, level: 'other', publishedAt: '2023-01-01' }), { status: 'unknown', deadline: null });
});

test('on time up to and including the deadline day; late counts days', () => {
  assert.deepEqual(timeliness({ year: 2022, level: 'township', publishedAt: '2023-01-16' }), { status: 'on-time', deadline: '2023-03-31' });
  assert.deepEqual(timeliness({ year: 2022, level: 'county_department', publishedAt: '2023-01-31' }), { status: 'on-time', deadline: '2023-01-31' });
  assert.deepEqual(timeliness({ year: 2022, level: 'county_department', publishedAt: '2023-02-02' }), { status: 'late', deadline: '2023-01-31', daysLate: 2 });
  // 2024 is a leap year: 1 March is 30 days after 31 January.
  assert.deepEqual(timeliness({ year: 2023, level: 'city_department', publishedAt: '2024-03-01' }), { status: 'late', deadline: '2024-01-31', daysLate: 30 });
});

test('a missing date keeps the deadline', () => {
  assert.deepEqual(timeliness({ year: 2023, level: 'county', publishedAt: null }), { status: 'no-date', deadline: '2024-03-31' });
});
