'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Renders its children only once they come near the screen, in a box of the height they will
 * take (so nothing jumps when they arrive). The charts use it with next/dynamic: a chart's code
 * (recharts) is fetched and run when the chart is about to be seen, not while the page loads,
 * which kept /stats' main thread busy for over a second (docs/performance.md).
 */
export function InView({ height, children, margin = '100px' }: { height: number; children: ReactNode; margin?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setSeen(true);
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen, margin]);
  return (
    <div ref={box} style={{ minHeight: height }} data-in-view={seen ? 'true' : 'false'}>
      {seen ? children : null}
    </div>
  );
}
