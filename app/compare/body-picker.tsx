'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import type { BodySuggestion } from '@/lib/compare/queries';
import { levelName } from '@/lib/search/params';

/**
 * Search-as-you-type for a body (ARIA combobox with a listbox): asks /api/bodies 250 ms after the
 * last keystroke, aborting the previous request; arrows move, Enter picks, Escape closes. Picking
 * goes to the comparison's URL with the body added (`hrefFor`), so the URL stays the state.
 */

const DEBOUNCE_MS = 250;

function regionLine(b: BodySuggestion): string {
  return [b.province, b.city, b.county, b.township].filter(Boolean).join(' › ') || '地区未识别';
}

export function BodyPicker({ picked, scopeQuery, disabled }: { picked: string[]; scopeQuery: string; disabled: boolean }) {
  const router = useRouter();
  const listId = useId();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'done' | 'error'; bodies: BodySuggestion[] }>({ status: 'idle', bodies: [] });
  const abort = useRef<AbortController | null>(null);
  const pickedKey = picked.join('\n');

  useEffect(() => {
    const words = q.trim();
    if (!words) {
      setState({ status: 'idle', bodies: [] });
      return;
    }
    const timer = setTimeout(async () => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState((s) => ({ status: 'loading', bodies: s.bodies }));
      const qs = new URLSearchParams(scopeQuery.replace(/^\?/, ''));
      qs.set('q', words.slice(0, 50));
      for (const key of pickedKey ? pickedKey.split('\n') : []) qs.append('exclude', key);
      try {
        const response = await fetch(`/api/bodies?${qs}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { bodies: BodySuggestion[] };
        setState({ status: 'done', bodies: body.bodies });
        setActive(body.bodies.length ? 0 : -1);
        setOpen(true);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setState({ status: 'error', bodies: [] });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, scopeQuery, pickedKey]);

  function pick(body: BodySuggestion) {
    setOpen(false);
    setQ('');
    const base = new URL(window.location.href);
    base.searchParams.append('body', body.key);
    router.push(`${base.pathname}?${base.searchParams.toString()}`);
  }

  const options = state.bodies;
  const expanded = open && q.trim() !== '' && state.status !== 'idle';
  return (
    <div className="body-picker" data-testid="body-picker">
      <label htmlFor={`${listId}-input`} className="body-picker__label">
        按名称查找机关
      </label>
      <input
        id={`${listId}-input`}
        className="input body-picker__input"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${listId}-list`}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder={disabled ? '已选满 6 个机关' : '例如：张村镇、洪泽区、教育局'}
        disabled={disabled}
        value={q}
        maxLength={50}
        data-testid="body-picker-input"
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(options.length - 1, i + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === 'Enter') {
            if (expanded && options[active]) {
              e.preventDefault();
              pick(options[active]);
            }
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      <div className="body-picker__status" role="status" aria-live="polite">
        {q.trim() && state.status === 'loading' ? '正在查找…' : null}
        {q.trim() && state.status === 'done' ? (options.length ? `找到 ${options.length} 个机关` : '没有找到匹配的机关') : null}
        {state.status === 'error' ? '查找失败，请稍后再试。' : null}
      </div>
      {expanded && options.length > 0 ? (
        <div id={`${listId}-list`} role="listbox" className="body-picker__list" aria-label="匹配的机关" data-testid="body-suggestions">
          {options.map((body, i) => (
            // Focus stays in the input (aria-activedescendant); tabIndex -1 keeps the options out of
            // the Tab order. An option that gets focus anyway (assistive technology) picks on Enter or Space.
            <div
              key={body.key}
              id={`${listId}-opt-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className="body-picker__option"
              data-testid="body-suggestion"
              data-body-key={body.key}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(body)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  pick(body);
                }
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="body-picker__name">{body.organization}</span>
              <span className="body-picker__meta">
                {regionLine(body)}
                {body.level ? ` · ${levelName(body.level)}` : ''}
                {body.years.length
                  ? ` · ${body.years.length === 1 ? `${body.years[0]} 年度` : `${body.years[0]}–${body.years[body.years.length - 1]} 年度，${body.years.length} 份`}`
                  : ''}
              </span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
