import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApiDocument } from '../../lib/openapi/document';
import { REPORT_ID_PARAMETER, SEARCH_PARAMETERS } from '../../lib/openapi/parameters';
import { isReportId, LEVELS, TEMPLATES } from '../../lib/report/schema';
import { MAP_METRICS, PAGE_SIZES, parseSearchParams, SEARCH_PARAM_NAMES, SORTS, TABLE_COLUMN_KEYS, VIEWS } from '../../lib/search/params';
import { checkEveryPath, compileDocument, type OpenApiDoc } from '../support/openapi';

/** The OpenAPI document without a server: its parameters are the parser's, and it compiles. */

const doc = openApiDocument('http://localhost:3000') as unknown as OpenApiDoc;
type Schema = { enum?: unknown[]; items?: { enum?: unknown[] } };
const values = (name: string) => {
  const schema = SEARCH_PARAMETERS[name as keyof typeof SEARCH_PARAMETERS].schema as Schema;
  return schema.enum ?? schema.items?.enum;
};

test('every parameter the search parser reads is documented, with exactly the values it accepts', () => {
  assert.deepEqual(Object.keys(SEARCH_PARAMETERS).sort(), [...SEARCH_PARAM_NAMES].sort());
  assert.deepEqual(values('sort'), [...SORTS]);
  assert.deepEqual(values('view'), [...VIEWS]);
  assert.deepEqual(values('cols'), [...TABLE_COLUMN_KEYS]);
  assert.deepEqual(values('level'), [...LEVELS]);
  assert.deepEqual(values('template'), [...TEMPLATES]);
  assert.deepEqual(values('map'), [...MAP_METRICS]);
  assert.deepEqual(values('size'), [...PAGE_SIZES]);
  // Each documented value parses; each example too.
  for (const name of SEARCH_PARAM_NAMES) {
    const parameter = SEARCH_PARAMETERS[name];
    for (const value of values(name) ?? []) assert.ok(parseSearchParams(new URLSearchParams({ [name]: String(value) })).ok, `${name}=${value}`);
    if (parameter.example !== undefined) {
      const example = Array.isArray(parameter.example) ? parameter.example.join(',') : String(parameter.example);
      assert.ok(parseSearchParams(new URLSearchParams({ [name]: example })).ok, `${name} example ${example}`);
    }
  }
  // And the parser still refuses what the document leaves out.
  assert.equal(parseSearchParams(new URLSearchParams({ sort: 'bogus-desc' })).ok, false);
});

test('the report id pattern is the schema’s', () => {
  const pattern = new RegExp(String((REPORT_ID_PARAMETER.schema as { pattern: string }).pattern));
  for (const id of ['fb8bfcf9bb4fc0332e10681c', 'a_b-C', 'x'.repeat(511), 'x'.repeat(512), '', 'a b', 'a/b', '报告', '!bad']) {
    assert.equal(pattern.test(id), isReportId(id), id);
  }
});

test('the document is OpenAPI 3.1 whose references resolve and whose schemas compile', () => {
  const schemas = compileDocument(doc);
  assert.ok(schemas.has('Report') && schemas.has('SearchResponse') && schemas.has('Gone'));
  assert.equal(doc.openapi, '3.1.0');
  for (const [path, { get }] of Object.entries(doc.paths)) {
    assert.ok(get.responses['200'], `${path} documents its 200`);
    assert.ok(get['x-example'].startsWith(path.replace('{id}', '')), `${path}: its example calls it`);
  }
});

test('the path check finds a server that answers otherwise than documented', async () => {
  const findings = await checkEveryPath(
    doc,
    async () => ({ status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: Buffer.from('{}') }),
    { reportId: 'x', bodies: ['1|a', '2|b'] },
  );
  const ok = findings.filter((f) => f.problems.length === 0).map((f) => f.request);
  // An empty JSON object with status 200 matches no documented answer: not a search, not a file, not an error.
  assert.deepEqual(ok, []);
});
