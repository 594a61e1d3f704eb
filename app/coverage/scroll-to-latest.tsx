'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The grid's scroll box, scrolled to its right end on first show: on a narrow screen the latest
 * years (the ones people ask about) are in view, and the older ones a swipe away.
 */
export function ScrollToLatest({ children, labelledBy }: { children: ReactNode; labelledBy: string }) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el && el.scrollWidth > el.clientWidth) el.scrollLeft = el.scrollWidth;
  }, []);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable)
    <section ref={box} className="table-scroll" tabIndex={0} aria-labelledby={labelledBy} data-testid="coverage-scroll">
      {children}
    </section>
  );
}
