'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { describeReason, formatDuration, MODE_LABELS } from '@/lib/admin/format';
import type { LiveRun } from '@/lib/admin/run-manager';

const POLL_MS = 500;

/**
 * Start a run, then follow it: GET /api/admin/runs/current every 500 ms while it runs (a plain
 * poll survives proxies and reconnects without SSE's bookkeeping), then its summary.
 */
export function RunPanel({ initialRun, configured }: { initialRun: LiveRun | null; configured: boolean }) {
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

  const start = async (mode: 'incremental' | 'full') => {
    setStarting(true);
    setMessage(null);
    try {
      const response = await fetch('/api/admin/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
      const payload = (await response.json().catch(() => ({}))) as { run?: LiveRun | null; error?: string };
      if (response.status === 202 && payload.run) setRun(payload.run);
      else if (response.status === 409) {
        setMessage('已有索引任务在运行，请等它结束。');
        if (payload.run) setRun(payload.run);
      } else setMessage(payload.error ?? '无法启动索引。');
    } catch {
      setMessage('网络错误，索引没有启动。');
    } finally {
      setStarting(false);
    }
  };

  const summary = run?.state === 'finished' ? run.summary : null;
  const percent = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;

  return (
    <section className="admin-section card" aria-labelledby="run-title" data-testid="run-panel">
      <h2 id="run-title">索引</h2>
      <p className="muted">增量：只处理新上传或改动过的文件。全量重建：重新解析整个报告库并原子切换，期间搜索照常可用。同一时间只运行一个任务。</p>
      <div className="admin-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!configured || running || starting}
          onClick={() => void start('incremental')}
          data-testid="run-incremental"
        >
          索引新上传
        </button>
        <button type="button" className="button" disabled={!configured || running || starting} onClick={() => void start('full')} data-testid="run-full">
          全量重建索引
        </button>
      </div>
      {!configured ? <p className="notice notice--error">此服务器未配置索引权限（MEILI_ADMIN_KEY），只能查看。</p> : null}
      {message ? (
        <p className="notice notice--error" role="alert" data-testid="run-message">
          {message}
        </p>
      ) : null}
      {run && running ? (
        <div role="status" aria-live="polite" data-testid="run-progress">
          <p>
            {MODE_LABELS[run.mode]}进行中（{run.by}）：已处理 <span data-testid="run-done">{run.done}</span> /{' '}
            <span data-testid="run-total">{run.total || '…'}</span> 个文件
            {run.rate > 0 ? `，${run.rate} 个/秒` : ''}，失败 <span data-testid="run-failed-so-far">{run.failed}</span> 个。
          </p>
          <progress className="progress" max={100} value={percent} aria-label="索引进度" />
          <p className="muted">{run.phase === 'reading' ? '正在解析文件…' : run.phase === 'starting' ? '正在准备…' : '正在等待搜索引擎完成写入…'}</p>
        </div>
      ) : null}
      {summary ? (
        <div className={`notice ${summary.failures.length > 0 || summary.fatal ? 'notice--error' : 'notice--info'}`} role="status" data-testid="run-summary">
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
      ) : null}
    </section>
  );
}
