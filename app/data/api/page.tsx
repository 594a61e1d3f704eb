import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { openApiDocument } from '@/lib/openapi/document';
import { type OutlineNode, schemaOutline, typeName } from '@/lib/openapi/outline';
import type { JsonSchema, OpenApiDocument, Operation, Parameter, ResponseObject } from '@/lib/openapi/types';
import '../data.css';

export const metadata: Metadata = {
  title: 'API 文档',
  description: '年报 Nianbao 公共接口的说明：每个接口的参数及其取值、响应结构和 curl 示例，依据 OpenAPI 3.1 文档 /api/openapi.json。',
};

type Doc = OpenApiDocument;

function resolver(doc: Doc) {
  return (ref: string): JsonSchema | undefined => {
    const [, , kind, name] = ref.split('/');
    return kind === 'schemas' ? doc.components.schemas[name] : undefined;
  };
}

function parameterOf(doc: Doc, p: Operation['parameters'][number]): { parameter: Parameter; shared: boolean } {
  if ('$ref' in p) return { parameter: doc.components.parameters[p.$ref.split('/').pop()!], shared: true };
  return { parameter: p, shared: false };
}

function responseOf(doc: Doc, r: Operation['responses'][string]): ResponseObject {
  return '$ref' in r ? doc.components.responses[r.$ref.split('/').pop()!] : r;
}

/** The address the docs are read at, for curl examples that work as they are. */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return `${proto}://${host}`;
}

function curl(base: string, operation: Operation): string {
  const file = /\/api\/(opendata|search\/export|compare\/export|coverage\/export)/.test(operation['x-example']);
  const url = new URL(operation['x-example'].replace('{id}', 'ID').replace(/\{body\}/g, 'BODY'), base);
  const address = `${url.origin}${url.pathname}${url.search ? `?${decodeURIComponent(url.search.slice(1))}` : ''}`;
  return `curl ${file ? '-OJ ' : ''}'${address}'`;
}

export default async function ApiDocsPage() {
  const base = await origin();
  const doc = openApiDocument(base);
  const resolve = resolver(doc);
  const operations = Object.entries(doc.paths).map(([path, item]) => ({ path, operation: item.get }));
  return (
    <div className="api-docs" data-testid="api-docs-page">
      <h1>API 文档</h1>
      {doc.info.description.split('\n\n').map((paragraph) => (
        <p key={paragraph.slice(0, 20)}>{paragraph}</p>
      ))}
      <p>
        机器可读的文档：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI {doc.openapi}）。批量下载的各列见<Link href="/data">数据字典</Link>。
      </p>
      <nav aria-label="接口目录">
        <ul className="open-data__toc">
          {operations.map(({ path, operation }) => (
            <li key={path}>
              <a href={`#${operation.operationId}`}>
                {operation.summary} <code>{path}</code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="search-parameters" className="api-docs__operation">
        <h2 id="search-parameters">检索参数</h2>
        <p>以下参数与检索页（/）相同，由同一个解析器读取；标注「检索参数」的接口都接受它们。未知参数、重复的单值参数和不合规的值都返回 400。</p>
        <ParameterTable doc={doc} parameters={Object.values(doc.components.parameters)} testId="search-parameters-table" />
      </section>
      {operations.map(({ path, operation }) => (
        <OperationSection key={path} doc={doc} path={path} operation={operation} resolve={resolve} base={base} />
      ))}
    </div>
  );
}

function OperationSection({
  doc,
  path,
  operation,
  resolve,
  base,
}: {
  doc: Doc;
  path: string;
  operation: Operation;
  resolve: ReturnType<typeof resolver>;
  base: string;
}) {
  const parameters = operation.parameters.map((p) => parameterOf(doc, p));
  const own = parameters.filter((p) => !p.shared).map((p) => p.parameter);
  const takesSearch = parameters.some((p) => p.shared && p.parameter.name === 'q');
  const takesGeneration = parameters.some((p) => p.shared && p.parameter.name === 'generation');
  return (
    <section id={operation.operationId} aria-labelledby={`${operation.operationId}-heading`} className="api-docs__operation" data-testid="api-operation">
      <h2 id={`${operation.operationId}-heading`}>
        <span className="api-docs__method">GET</span> <span className="api-docs__path">{path}</span>
      </h2>
      <p>
        <strong>{operation.summary}</strong>：{operation.description}
      </p>
      <h3>参数</h3>
      {takesSearch ? (
        <p>
          <a href="#search-parameters">检索参数</a>
          {takesGeneration ? '，以及 generation（数据版本，见下表）' : ''}。
        </p>
      ) : null}
      {own.length || takesGeneration ? (
        <ParameterTable doc={doc} parameters={[...own, ...(takesGeneration ? [doc.components.parameters.generation] : [])]} />
      ) : takesSearch ? null : (
        <p>无。</p>
      )}
      <h3>响应</h3>
      <ul>
        {Object.entries(operation.responses).map(([status, ref]) => {
          const response = responseOf(doc, ref);
          const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
          const outline = media && mediaType === 'application/json' ? schemaOutline(media.schema, resolve) : [];
          const schemaName = media && typeof media.schema.$ref === 'string' ? media.schema.$ref.split('/').pop() : null;
          return (
            <li key={status}>
              <strong>{status}</strong> {response.description}
              {mediaType ? (
                <>
                  {' '}
                  · <code>{mediaType}</code>
                </>
              ) : null}
              {response.headers ? (
                <span className="open-data__note">
                  响应头：
                  {Object.entries(response.headers)
                    .map(([name, header]) => `${name}（${header.description}）`)
                    .join('；')}
                </span>
              ) : null}
              {outline.length && status.startsWith('2') ? (
                <details>
                  <summary>响应结构{schemaName ? `（${schemaName}）` : ''}</summary>
                  <Outline nodes={outline} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      <h3>示例</h3>
      <pre>
        <code>{curl(base, operation)}</code>
      </pre>
    </section>
  );
}

function ParameterTable({ doc, parameters, testId }: { doc: Doc; parameters: Parameter[]; testId?: string }) {
  const resolve = resolver(doc);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable)
    <section className="table-scroll" tabIndex={0} aria-label="参数">
      <table className="data-table api-docs__table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">参数</th>
            <th scope="col">类型</th>
            <th scope="col">取值</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                <code>{p.name}</code>
                {p.required ? <span className="open-data__note">必填</span> : null}
                {p.in === 'path' ? <span className="open-data__note">路径</span> : null}
              </th>
              <td>{typeName(p.schema, resolve)}</td>
              <td>{allowedValues(p.schema)}</td>
              <td>{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function allowedValues(schema: JsonSchema): string {
  const values = (schema.enum ?? (schema.items as JsonSchema | undefined)?.enum) as unknown[] | undefined;
  const parts: string[] = [];
  if (Array.isArray(values)) parts.push(values.map(String).join('、'));
  if (typeof schema.minimum === 'number' || typeof schema.maximum === 'number') parts.push(`${schema.minimum ?? ''}–${schema.maximum ?? ''}`);
  if (typeof schema.pattern === 'string' && !values) parts.push(`格式：${schema.pattern}`);
  if (typeof schema.maxLength === 'number') parts.push(`最多 ${schema.maxLength} 个字符`);
  if (typeof schema.maxItems === 'number') parts.push(`${schema.minItems ?? 0}–${schema.maxItems} 个`);
  if (schema.default !== undefined) parts.push(`默认 ${String(schema.default)}`);
  return parts.join('；') || '—';
}

function Outline({ nodes }: { nodes: OutlineNode[] }) {
  return (
    <ul className="api-docs__schema">
      {nodes.map((node) => (
        <li key={node.name}>
          <code>{node.name}</code> <span className="api-docs__type">{node.type}</span>
          {node.required ? null : <span className="api-docs__type">（可缺）</span>}
          {node.description ? ` — ${node.description}` : null}
          {node.values && node.values.length <= 12 ? <span className="api-docs__type">：{node.values.join('、')}</span> : null}
          {node.children.length ? <Outline nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}
