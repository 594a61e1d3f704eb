'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Two clicks (no browser dialog): 移除 → 确认移除. Then the list reloads. */
export function RemoveButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/admin/collection/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (response.ok || response.status === 404) router.refresh();
      else setError(((await response.json().catch(() => ({}))) as { error?: string }).error ?? '移除失败。');
    } catch {
      setError('网络错误。');
    } finally {
      setBusy(false);
      setArmed(false);
    }
  };

  return (
    <span>
      {armed ? (
        <>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void remove()}
            data-testid="remove-confirm"
            aria-label={`确认移除 ${label}`}
          >
            确认移除
          </button>{' '}
          <button type="button" className="button" onClick={() => setArmed(false)}>
            取消
          </button>
        </>
      ) : (
        <button type="button" className="button button--danger" onClick={() => setArmed(true)} data-testid="remove" aria-label={`移除 ${label}`}>
          移除
        </button>
      )}
      {error ? (
        <span role="alert" className="muted">
          {' '}
          {error}
        </span>
      ) : null}
    </span>
  );
}
