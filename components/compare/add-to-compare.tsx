'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { compareBodiesHref, MAX_BODIES } from '@/lib/compare/href';
import { readCompareSet } from './compare-set';

/**
 * "加入比较": a link to the comparison with this body added to the one last viewed. Without
 * JavaScript (or before it runs) it starts a comparison with this body alone.
 */
export function AddToCompare({ bodyKey, className }: { bodyKey: string; className?: string }) {
  const [current, setCurrent] = useState<string[]>([]);
  useEffect(() => setCurrent(readCompareSet()), []);
  const already = current.includes(bodyKey);
  const full = !already && current.length >= MAX_BODIES;
  const bodies = already || full ? current : [...current, bodyKey];
  const label = already ? '已在比较中' : full ? `比较已满（${MAX_BODIES} 个）` : current.length ? `加入比较（已选 ${current.length} 个）` : '加入比较';
  return (
    <Link href={compareBodiesHref(bodies)} className={className ?? 'compare-add'} data-testid="add-to-compare" data-body-key={bodyKey} prefetch={false}>
      {label}
    </Link>
  );
}
