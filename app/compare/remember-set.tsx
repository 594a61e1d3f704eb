'use client';

import { useEffect } from 'react';
import { writeCompareSet } from '@/components/compare/compare-set';

/** Remembers the bodies of the comparison on screen (see compare-set.ts). Renders nothing. */
export function RememberCompareSet({ bodies }: { bodies: string[] }) {
  const key = bodies.join('\n');
  useEffect(() => writeCompareSet(key ? key.split('\n') : []), [key]);
  return null;
}
