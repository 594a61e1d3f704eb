'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { describeReason, formatDuration, MODE_LABELS } from '@/lib/admin/format';
import type { RunSummary } from '@/lib/admin/history';
import type { LiveRun } from '@/lib/admin/run-manager';

const POLL_MS = 500;

type RunMode = LiveRun['mode'];

/**
 * Start a run, then follow it: GET /api/admin/runs/current every 500 ms while it runs (a plain
 * poll survives proxies and reconnects without SSE's bookkeeping), then its summary.
 */
export function RunPanel({ initialRun, configured }: { initialRun: LiveRun | null; configured: boolean }) {
  const { run, running, starting, message, start } = useRun(initialRun);
  const disabled = !configured || running || starting;
  return (
    <section className="admin-section card" aria-labelledby="run-title" data-testid="run-panel">
      <h2 id="run-title">索引</h2>
      <p className="muted">增量：只处理新上传或改动过的文件。全量重建：重新解析整个报告库并原子切换，期间搜索照常可用。同一时间只运行一个任务。</p>
      <div className="admin-actions">
        <button type="button" className="button button--primary" disabled={disabled} onClick={() => void start('incremental')} data-testid="run-incremental">
          索引新上传
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => void start('full')} data-testid="run-full">
          全量重建索引
        </button>
      </div>
      {!configured ? <p className="notice notice--error">此服务器未配置索引权限（MEILI_ADMIN_KEY），只能查看。</p> : null}
      {message ? (
        <p className="notice notice--error" role="alert" data-testid="run-message">
          {message}
        </p>
      ) : null}
      {run && running ? <RunProgress run={run} /> : null}
      {run?.state === 'finished' && run.summary ? <RunSummaryNotice summary={run.summary} /> : null}
    </section>
  );
}

/** The run on screen, polled while it runs; `start` asks for a new one. */
function useRun(initialRun: LiveRun | null) {
  const router = useRouter();
  const [run, setRun] = useState<LiveRun | null>(initialRun);
  const [message, setMessage] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const running = run?.state === 'running';

  const poll = useCallback(async () => {
    try {
      const response = await fetch('/api/admin/runs/current', { cache: 'no-store' });
      if (response.status === 401) {
        setMessage('登录已过期，请重新登录。');
        return;
      }
      const payload = (await response.json()) as { run: LiveRun | null };
      setRun(payload.run);
      if (payload.run?.state === 'finished') router.refresh();
    } catch {
      // Try again at the next tick.
    }
  }, [router]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, poll]);

  const start = async (mode: RunMode) => {
    setStarting(true);
    setMessage(null);
    const started = await startRun(mode);
    if (started.run) setRun(started.run);
    if (started.message) setMessage(started.message);
    setStarting(false);
  };

  return { run, running, starting, message, start };
}

/** POST /api/admin/runs: the new run, or why not (with the run that is busy, on a 409). */
async function startRun(mode: RunMode): Promise<{ run?: LiveRun; message?: string }> {
  try {
    const response = await fetch('/api/admin/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
    const payload = (await response.json().catch(() => ({}))) as { run?: LiveRun | null; error?: string };
    if (response.status === 202 && payload.run) return { run: payload.run };
    if (response.status === 409) return { run: payload.run ?? undefined, message: '已有索引任务在运行，请等它结束。' };
    return { message: payload.error ?? '无法启动索引。' };
  } catch {
    return { message: '网络错误，索引没有启动。' };
  }
}

function RunProgress({ run }: { run: LiveRun }) {
  const percent = run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <div role="status" aria-live="polite" data-testid="run-progress">
      <p>
        {MODE_LABELS[run.mode]}进行中（{run.by}）：已处理 <span data-testid="run-done">{run.done}</span> /{' '}
        <span data-testid="run-total">{run.total || '…'}</span> 个文件
        {run.rate > 0 ? `，${run.rate} 个/秒` : ''}，失败 <span data-testid="run-failed-so-far">{run.failed}</span> 个。
      </p>
      <progress className="progress" max={100} value={percent} aria-label="索引进度" />
      <p className="muted">{run.phase === 'reading' ? '正在解析文件…' : run.phase === 'starting' ? '正在准备…' : '正在等待搜索引擎完成写入…'}</p>
    </div>
  );
}

/** How the finished run went, with each failed file and a way to upload it again. */
function RunSummaryNotice({ summary }: { summary: RunSummary }) {
  const failed = summary.failures.length > 0 || summary.fatal;
  return (
    <div className={`notice ${failed ? 'notice--error' : 'notice--info'}`} role="status" data-testid="run-summary">
      <p>
        {MODE_LABELS[summary.mode]}
        {summary.fatal ? '未完成' : '完成'}，用时 {formatDuration(summary.durationMs)}：新索引 <span data-testid="summary-indexed">{summary.indexed}</span>{' '}
        份，未变 {summary.unchanged} 份，失败 <span data-testid="summary-failed">{summary.failures.length}</span> 份，重复 {summary.duplicates} 份
        {summary.documentsInIndex !== null ? `；现可检索 ${summary.documentsInIndex} 份` : ''}。
      </p>
      {summary.fatal ? <p data-testid="summary-fatal">未完成：{summary.fatal}</p> : null}
      {summary.failures.length > 0 ? (
        <ul className="admin-list">
          {summary.failures.map((failure) => (
            <li key={failure.file} data-testid="summary-failure">
              <code>{failure.file}</code>：{describeReason(failure.reason)} <a href="#upload">重新上传</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
