'use client';

import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BodySuggestion } from '@/lib/compare/queries';
import { levelName } from '@/lib/report/labels';

/**
 * Search-as-you-type for a body (ARIA combobox with a listbox): asks /api/bodies 250 ms after the
 * last keystroke, aborting the previous request; arrows move, Enter picks, Escape closes. Picking
 * goes to the comparison's URL with the body added, so the URL stays the state.
 */

const DEBOUNCE_MS = 250;

type Suggestions = { status: 'idle' | 'loading' | 'done' | 'error'; bodies: BodySuggestion[] };

export function BodyPicker({ picked, scopeQuery, disabled }: { picked: string[]; scopeQuery: string; disabled: boolean }) {
  const listId = useId();
  const { q, setQ, setOpen, active, setActive, state, expanded, pick, onKeyDown } = useBodyPicker(picked, scopeQuery);
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
        onKeyDown={onKeyDown}
      />
      <PickerStatus q={q} state={state} />
      {expanded && state.bodies.length > 0 ? <SuggestionList listId={listId} options={state.bodies} active={active} onPick={pick} onHover={setActive} /> : null}
    </div>
  );
}

/** The combobox's state: the words, whether the list is open, the active option, and picking one. */
function useBodyPicker(picked: string[], scopeQuery: string) {
  const router = useRouter();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const found = useCallback((bodies: BodySuggestion[]) => {
    setActive(bodies.length ? 0 : -1);
    setOpen(true);
  }, []);
  const state = useSuggestions(q, scopeQuery, picked.join('\n'), found);
  const options = state.bodies;
  const expanded = open && q.trim() !== '' && state.status !== 'idle';

  function pick(body: BodySuggestion) {
    setOpen(false);
    setQ('');
    const base = new URL(window.location.href);
    base.searchParams.append('body', body.key);
    router.push(`${base.pathname}?${base.searchParams.toString()}`);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
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
  }

  return { q, setQ, setOpen, active, setActive, state, expanded, pick, onKeyDown };
}

/**
 * The bodies matching `q` (within `scopeQuery`, without the ones `pickedKey` lists), asked 250 ms
 * after the last change; a newer question aborts the older one. `onFound` hears each answer.
 */
function useSuggestions(q: string, scopeQuery: string, pickedKey: string, onFound: (bodies: BodySuggestion[]) => void): Suggestions {
  const [state, setState] = useState<Suggestions>({ status: 'idle', bodies: [] });
  const abort = useRef<AbortController | null>(null);
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
      try {
        const bodies = await fetchSuggestions(words, scopeQuery, pickedKey, controller.signal);
        setState({ status: 'done', bodies });
        onFound(bodies);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setState({ status: 'error', bodies: [] });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, scopeQuery, pickedKey, onFound]);
  return state;
}

async function fetchSuggestions(words: string, scopeQuery: string, pickedKey: string, signal: AbortSignal): Promise<BodySuggestion[]> {
  const qs = new URLSearchParams(scopeQuery.replace(/^\?/, ''));
  qs.set('q', words.slice(0, 50));
  for (const key of pickedKey ? pickedKey.split('\n') : []) qs.append('exclude', key);
  const response = await fetch(`/api/bodies?${qs}`, { signal });
  if (!response.ok) throw new Error(String(response.status));
  return ((await response.json()) as { bodies: BodySuggestion[] }).bodies;
}

/** What the search found, said to screen readers as it changes. */
function PickerStatus({ q, state }: { q: string; state: Suggestions }) {
  const count = state.bodies.length;
  return (
    <div className="body-picker__status" role="status" aria-live="polite">
      {q.trim() && state.status === 'loading' ? '正在查找…' : null}
      {q.trim() && state.status === 'done' ? (count ? `找到 ${count} 个机关` : '没有找到匹配的机关') : null}
      {state.status === 'error' ? '查找失败，请稍后再试。' : null}
    </div>
  );
}

function SuggestionList({
  listId,
  options,
  active,
  onPick,
  onHover,
}: {
  listId: string;
  options: BodySuggestion[];
  active: number;
  onPick: (body: BodySuggestion) => void;
  onHover: (index: number) => void;
}) {
  return (
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
          onClick={() => onPick(body)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onPick(body);
            }
          }}
          onMouseEnter={() => onHover(i)}
        >
          <span className="body-picker__name">{body.organization}</span>
          <span className="body-picker__meta">{suggestionMeta(body)}</span>
        </div>
      ))}
    </div>
  );
}

/** Where the body is, its level and the years of its reports: 甘肃省 › 天水市 › 麦积区 · 区县 · 2022–2023 年度，2 份. */
function suggestionMeta(b: BodySuggestion): string {
  const region = [b.province, b.city, b.county, b.township].filter(Boolean).join(' › ') || '地区未识别';
  const level = b.level ? ` · ${levelName(b.level)}` : '';
  const years = b.years.length
    ? ` · ${b.years.length === 1 ? `${b.years[0]} 年度` : `${b.years[0]}–${b.years[b.years.length - 1]} 年度，${b.years.length} 份`}`
    : '';
  return `${region}${level}${years}`;
}
