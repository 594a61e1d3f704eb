import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Checks an OpenAPI document (lib/openapi) against the server that publishes it: the document
 * parses and its schemas compile (JSON Schema 2020-12, the dialect of OpenAPI 3.1), then every
 * path it names is asked for — its example request, and requests that must fail — and each answer
 * must have the status, media type, headers and body the document describes. Used by the
 * integration test (route handlers) and the browser test (the real server), each with its own
 * `fetch`.
 */

type Json = { [key: string]: unknown };
interface Operation {
  operationId: string;
  parameters: Array<Json>;
  responses: Record<string, Json>;
  'x-example': string;
}
export interface OpenApiDoc {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Json>; responses: Record<string, Json> };
}

/** What a document's `{id}` and `{body}` placeholders stand for on this server. */
export interface LiveValues {
  reportId: string;
  bodies: [string, string];
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
}

type Fetch = (pathAndQuery: string) => Promise<Answer>;

/** Resolves a local `$ref` (`#/components/…`) in the document. */
function resolveRef(doc: OpenApiDoc, value: Json): Json {
  if (typeof value.$ref !== 'string') return value;
  const parts = value.$ref.replace(/^#\//, '').split('/');
  let node: unknown = doc;
  for (const part of parts) node = (node as Json | undefined)?.[part];
  if (!node || typeof node !== 'object') throw new Error(`unresolved $ref ${value.$ref}`);
  return node as Json;
}

/** Every `$ref` anywhere in the document, to check that each resolves. */
function refsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsOf(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsOf(value, out);
    }
  }
  return out;
}

/** The document parses as OpenAPI 3.1 as this project writes it; returns its schemas compiled. */
export function compileDocument(doc: OpenApiDoc): Map<string, ValidateFunction> {
  if (!/^3\.1\.\d+$/.test(doc.openapi)) throw new Error(`openapi ${doc.openapi}, expected 3.1.x`);
  for (const ref of refsOf(doc)) {
    if (!ref.startsWith('#/components/')) throw new Error(`a $ref outside the document's components: ${ref}`);
    resolveRef(doc, { $ref: ref });
  }
  // strictRequired off: a record with enum keys (z.record(z.enum(…))) lists its keys as required without naming them as properties, which is valid JSON Schema.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictSchema: true, strictTypes: false, strictRequired: false });
  const compiled = new Map<string, ValidateFunction>();
  for (const [name, schema] of Object.entries(doc.components.schemas)) compiled.set(name, ajv.compile(schema));
  // Parameter schemas must compile too (their enums come from the parser's constants).
  for (const parameter of Object.values(doc.components.parameters)) ajv.compile(parameter.schema as Json);
  for (const { get } of Object.values(doc.paths)) for (const p of get.parameters) ajv.compile(resolveRef(doc, p).schema as Json);
  return compiled;
}

export interface Finding {
  request: string;
  status: number;
  problems: string[];
}

const mediaTypeOf = (headers: Headers) => (headers.get('content-type') ?? '').split(';')[0].trim();

/** One request against what the document says of `status` for `operation`. */
async function expectAnswer(
  doc: OpenApiDoc,
  schemas: Map<string, ValidateFunction>,
  fetch: Fetch,
  request: string,
  operation: Operation,
  status: string,
): Promise<Finding> {
  const problems: string[] = [];
  const documented = operation.responses[status];
  if (!documented) return { request, status: 0, problems: [`${operation.operationId}: no ${status} response documented`] };
  const response = resolveRef(doc, documented) as { content?: Record<string, { schema: Json }>; headers?: Record<string, Json> };
  const answer = await fetch(request);
  if (String(answer.status) !== status) problems.push(`status ${answer.status}, documented ${status}: ${answer.body.toString('utf8').slice(0, 200)}`);
  const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (mediaType && mediaTypeOf(answer.headers) !== mediaType) problems.push(`content-type ${answer.headers.get('content-type')}, documented ${mediaType}`);
  for (const name of Object.keys(response.headers ?? {})) if (!answer.headers.get(name)) problems.push(`header ${name} missing`);
  if (mediaType === 'application/json' && media) {
    const name =
      String(media.schema.$ref ?? '')
        .split('/')
        .pop() ?? '';
    const validate = schemas.get(name);
    if (!validate) problems.push(`no schema ${name}`);
    else {
      let body: unknown;
      try {
        body = JSON.parse(answer.body.toString('utf8'));
      } catch {
        problems.push('body is not JSON');
      }
      if (body !== undefined && !validate(body)) problems.push(`body does not match ${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  }
  if (mediaType === 'text/csv' && !answer.body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) problems.push('CSV without BOM');
  if (mediaType === 'application/vnd.apache.parquet' && answer.body.subarray(0, 4).toString('latin1') !== 'PAR1') problems.push('not a Parquet file');
  return { request, status: answer.status, problems };
}

/**
 * Every path the document names, asked the way it documents: its example (200), a malformed query
 * or id (400), an unknown report (404), a generation no longer served (410). Returns what was asked
 * and every problem found; a test asserts there are none.
 */
export async function checkEveryPath(doc: OpenApiDoc, fetch: Fetch, live: LiveValues): Promise<Finding[]> {
  const schemas = compileDocument(doc);
  const findings: Finding[] = [];
  for (const [path, { get: operation }] of Object.entries(doc.paths)) {
    const example = operation['x-example']
      .replace('{id}', encodeURIComponent(live.reportId))
      .replace('{body}', encodeURIComponent(live.bodies[0]))
      .replace('{body}', encodeURIComponent(live.bodies[1]));
    if (!example.startsWith(path.replace('{id}', ''))) findings.push({ request: example, status: 0, problems: [`example does not call ${path}`] });
    const url = new URL(example, 'http://x');
    const plain = `${url.pathname}${url.search}`;
    findings.push(await expectAnswer(doc, schemas, fetch, plain, operation, '200'));
    if (operation.responses['400']) {
      const bad = path === '/api/reports/{id}' ? path.replace('{id}', '%21bad') : `${plain}${url.search ? '&' : '?'}bogus=1`;
      findings.push(await expectAnswer(doc, schemas, fetch, bad, operation, '400'));
    }
    if (operation.responses['404']) findings.push(await expectAnswer(doc, schemas, fetch, path.replace('{id}', 'no_such_report_000'), operation, '404'));
    if (operation.responses['410']) findings.push(await expectAnswer(doc, schemas, fetch, `${plain}&generation=20000101T000000000Z-1`, operation, '410'));
  }
  return findings;
}
