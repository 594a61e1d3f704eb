'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { formatDuration, formatTime } from '@/lib/admin/format';
import type { LiveHarvest } from '@/lib/admin/harvest-runs';
import type { Source } from '@/lib/harvest/sources';
import type { SourceCheck } from '@/lib/harvest/store';

const POLL_MS = 500;

const FAILURE_NAMES: Record<string, string> = {
  unreachable: '无法连接',
  'dns failure': '域名无法解析',
  'tls error': 'HTTPS 证书错误',
  timeout: '超时',
  'not found': '页面不存在',
  'http error': '服务器错误',
  'too many requests': '请求过于频繁（429）',
  'redirect loop': '重定向循环',
  'redirect off site': '重定向到其他网站',
  'too many redirects': '重定向过多',
  'too large': '文件过大',
  'refused address': '拒绝的地址（内网或本机）',
  'refused url': '拒绝的网址',
  robots: 'robots.txt 不允许',
  'script challenge': '网站返回脚本验证页面',
  'wrong content': '内容与链接不符',
  unreadable: '无法读取',
  'page limit': '达到页数上限',
  'depth limit': '达到深度上限',
};

async function send(url: string, method: string, body?: unknown): Promise<{ ok: boolean; status: number; payload: Record<string, unknown> }> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = response.status === 204 ? {} : ((await response.json().catch(() => ({}))) as Record<string, unknown>);
    return { ok: response.ok, status: response.status, payload };
  } catch {
    return { ok: false, status: 0, payload: { error: '网络错误，请重试。' } };
  }
}

/** The harvest on screen, polled while it runs; `start` asks for one. */
function useHarvest(initial: LiveHarvest | null, onMessage: (m: string | null) => void) {
  const router = useRouter();
  const [harvest, setHarvest] = useState<LiveHarvest | null>(initial);
  const running = harvest !== null && harvest.state !== 'finished';
  const poll = useCallback(async () => {
    const { status, payload } = await send('/api/admin/harvests/current', 'GET');
    if (status === 401) return onMessage('登录已过期，请重新登录。');
    const next = (payload.harvest as LiveHarvest | null) ?? null;
    setHarvest(next);
    if (next?.state === 'finished') router.refresh();
  }, [router, onMessage]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, poll]);
  const start = async (sourceId?: string) => {
    onMessage(null);
    // The last run's result leaves the screen at once: what shows next is this run.
    setHarvest(null);
    const { status, payload } = await send('/api/admin/harvests', 'POST', sourceId ? { sourceId } : {});
    if (status === 202) setHarvest(payload.harvest as LiveHarvest);
    else onMessage((payload.error as string) ?? '无法开始采集。');
  };
  return { harvest, running, start };
}

export function SourcesPanel({ sources, checks, initialHarvest }: { sources: Source[]; checks: SourceCheck[]; initialHarvest: LiveHarvest | null }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const { harvest, running, start } = useHarvest(initialHarvest, setMessage);
  const checkOf = (id: string) => checks.find((c) => c.sourceId === id);
  const remove = async (source: Source) => {
    const { ok, payload } = await send(`/api/admin/sources/${source.id}`, 'DELETE');
    if (ok) router.refresh();
    else setMessage((payload.error as string) ?? '删除失败。');
  };
  return (
    <>
      <section className="admin-section card" aria-labelledby="harvest-title" data-testid="harvest-panel">
        <h2 id="harvest-title">采集</h2>
        <p className="muted">
          按来源抓取各机关的政府信息公开年报栏目，保存原始文件和出处，并把新增和改动的报告增量索引。同一时间只运行一个任务（采集或索引）。
        </p>
        <div className="admin-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={running || sources.length === 0}
            onClick={() => void start()}
            data-testid="harvest-all"
          >
            采集全部来源
          </button>
        </div>
        {message ? (
          <p className="notice notice--error" role="alert" data-testid="harvest-message">
            {message}
          </p>
        ) : null}
        {harvest ? <HarvestProgressView harvest={harvest} /> : null}
      </section>
      <section className="admin-section" aria-labelledby="sources-title">
        <h2 id="sources-title">来源（{sources.length}）</h2>
        {sources.length === 0 ? (
          <p className="muted" data-testid="sources-empty">
            还没有来源。在下面添加一个年报栏目的网址，或导入 CSV。
          </p>
        ) : (
          <div className="admin-table-wrap">
            <table className="data-table admin-table" data-testid="sources-table">
              <caption className="visually-hidden">采集来源</caption>
              <thead>
                <tr>
                  <th scope="col">来源</th>
                  <th scope="col">机关 / 区划代码</th>
                  <th scope="col">范围</th>
                  <th scope="col">上次核查</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((source) => (
                  <SourceRow
                    key={source.id}
                    source={source}
                    check={checkOf(source.id)}
                    running={running}
                    onRun={() => void start(source.id)}
                    onRemove={() => void remove(source)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="admin-grid">
        <SourceForm onDone={() => router.refresh()} onMessage={setMessage} />
        <CsvImport onDone={() => router.refresh()} />
      </div>
    </>
  );
}

function SourceRow({
  source,
  check,
  running,
  onRun,
  onRemove,
}: {
  source: Source;
  check?: SourceCheck;
  running: boolean;
  onRun: () => void;
  onRemove: () => void;
}) {
  const [editing, setEditing] = useState(false);
  // Removing takes a second click on the same spot (no browser dialog): what was harvested stays.
  const [confirming, setConfirming] = useState(false);
  const router = useRouter();
  return (
    <tr data-testid="source-row" data-source-id={source.id}>
      <td className="break-all">
        {source.label ? <strong>{source.label}</strong> : null}
        <div>
          <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
            {source.url}
          </a>
        </div>
        {editing ? (
          <SourceForm
            source={source}
            onDone={() => {
              setEditing(false);
              router.refresh();
            }}
            onMessage={() => {}}
          />
        ) : null}
      </td>
      <td>
        {source.name ?? '—'}
        {source.code ? <div className="muted">{source.code}</div> : null}
      </td>
      <td>{source.scope === 'region' ? '地区栏目' : '机关栏目'}</td>
      <td>{check ? `${formatTime(check.checkedAt)}：${check.failed ? '未能访问' : `${check.reportsFound} 份`}` : '未核查'}</td>
      <td>
        <div className="admin-actions">
          <button type="button" className="button" disabled={running} onClick={onRun} data-testid="harvest-one">
            采集
          </button>
          <button type="button" className="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {editing ? '取消' : '编辑'}
          </button>
          {confirming ? (
            <>
              <button type="button" className="button button--danger" onClick={onRemove}>
                确认删除（已采集的报告保留）
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                不删
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              删除
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

function HarvestProgressView({ harvest }: { harvest: LiveHarvest }) {
  const done = harvest.state === 'finished';
  const where = harvest.source ? `第 ${harvest.source.index + 1}/${harvest.source.of} 个来源：${harvest.source.label ?? harvest.source.url}` : '正在开始…';
  return (
    <div role="status" aria-live="polite" className={`notice ${done && harvest.failed > 0 ? 'notice--error' : 'notice--info'}`} data-testid="harvest-progress">
      <p>
        {done ? '采集完成' : harvest.state === 'indexing' ? '正在索引新采集的报告…' : `采集中（${harvest.scope}）`}
        {done && harvest.result ? `，用时 ${formatDuration(harvest.result.durationMs)}` : ''}：已抓取{' '}
        <span data-testid="harvest-pages">{harvest.pagesFetched}</span> 个页面，找到 <span data-testid="harvest-reports">{harvest.reportsFound}</span>{' '}
        份报告：新增 <span data-testid="harvest-new">{harvest.new}</span> 份，改动 <span data-testid="harvest-changed">{harvest.changed}</span> 份，未变{' '}
        {harvest.unchanged} 份，失败 <span data-testid="harvest-failed">{harvest.failed}</span> 个。
      </p>
      {!done ? <p className="muted">{where}</p> : null}
      {harvest.indexed ? (
        <p data-testid="harvest-indexed">
          已索引 {harvest.indexed.indexed} 份新增或改动的报告{harvest.indexed.fatal ? `；索引未完成：${harvest.indexed.fatal}` : ''}。
        </p>
      ) : null}
      {harvest.failures.length > 0 ? (
        <details>
          <summary>失败的网址及原因</summary>
          <ul className="admin-list">
            {harvest.failures.map((f) => (
              <li key={`${f.url}|${f.reason}`} data-testid="harvest-failure" className="break-all">
                {FAILURE_NAMES[f.reason] ?? f.reason}：<code>{f.url}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function SourceForm({ source, onDone, onMessage }: { source?: Source; onDone: () => void; onMessage: (m: string | null) => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      url: String(form.get('url') ?? ''),
      label: String(form.get('label') ?? ''),
      name: String(form.get('name') ?? ''),
      code: String(form.get('code') ?? ''),
      scope: String(form.get('scope') ?? 'body'),
    };
    const { ok, payload } = await send(source ? `/api/admin/sources/${source.id}` : '/api/admin/sources', source ? 'PUT' : 'POST', body);
    if (!ok) return setError((payload.error as string) ?? '保存失败。');
    setError(null);
    onMessage(null);
    if (!source) event.currentTarget?.reset();
    onDone();
  };
  const id = source ? `source-${source.id}` : 'source-new';
  return (
    <form
      className={source ? 'source-form' : 'admin-section card source-form'}
      onSubmit={(e) => void submit(e)}
      data-testid={source ? 'source-edit' : 'source-add'}
    >
      {source ? null : <h2>添加来源</h2>}
      <label htmlFor={`${id}-url`}>年报栏目网址</label>
      <input id={`${id}-url`} name="url" type="url" required className="input" defaultValue={source?.url} placeholder="https://www.example.gov.cn/zfxxgknb/" />
      <label htmlFor={`${id}-label`}>备注</label>
      <input id={`${id}-label`} name="label" className="input" defaultValue={source?.label} maxLength={80} />
      <label htmlFor={`${id}-name`}>机关全称（可选）</label>
      <input id={`${id}-name`} name="name" className="input" defaultValue={source?.name} maxLength={60} />
      <label htmlFor={`${id}-code`}>区划代码（可选）</label>
      <input id={`${id}-code`} name="code" className="input" defaultValue={source?.code} inputMode="numeric" pattern="\d*" maxLength={12} />
      <label htmlFor={`${id}-scope`}>范围</label>
      <select id={`${id}-scope`} name="scope" className="input" defaultValue={source?.scope ?? 'body'}>
        <option value="body">一个机关的年报栏目</option>
        <option value="region">一个地区的年报栏目（链接到多个机关）</option>
      </select>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary">
        {source ? '保存' : '添加'}
      </button>
    </form>
  );
}

function CsvImport({ onDone }: { onDone: () => void }) {
  const [result, setResult] = useState<{ imported: number; errors: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return setError('请选择一个 CSV 文件。');
    const { payload, status } = await send('/api/admin/sources', 'POST', { csv: await file.text() });
    if (status === 201 || status === 422) {
      setResult({ imported: Number(payload.imported ?? 0), errors: (payload.errors as string[]) ?? [] });
      setError(null);
      onDone();
    } else setError((payload.error as string) ?? '导入失败。');
  };
  return (
    <form className="admin-section card" onSubmit={(e) => void submit(e)} data-testid="sources-import">
      <h2>导入 CSV</h2>
      <p className="muted">第一行为表头：url（或“网址”），可选 name/机关、code/区划代码、label/备注、scope/范围。</p>
      <label htmlFor="sources-csv">CSV 文件</label>
      <input id="sources-csv" name="file" type="file" accept=".csv,text/csv" className="input" />
      <button type="submit" className="button">
        导入
      </button>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div className="notice notice--info" role="status" data-testid="import-result">
          <p>已导入 {result.imported} 个来源。</p>
          {result.errors.length > 0 ? (
            <ul className="admin-list">
              {result.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
