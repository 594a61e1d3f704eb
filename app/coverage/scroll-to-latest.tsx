'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The grid's scroll box, scrolled to its right end on first show: on a narrow screen the latest
 * years (the ones people ask about) are in view, and the older ones a swipe away.
 */
export function ScrollToLatest({ children, labelledBy }: { children: ReactNode; labelledBy: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el && el.scrollWidth > el.clientWidth) el.scrollLeft = el.scrollWidth;
  }, []);
  return (
    <div ref={box} className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy} data-testid="coverage-scroll">
      {children}
    </div>
  );
}
