'use client';

import Link from 'next/link';

/** What Next gives a route's error.tsx. */
export interface ErrorBoundaryProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/**
 * Shown instead of a crashed route segment. The error's message and stack stay in the server log:
 * people get a plain sentence, a retry and a way to a page that works.
 */
export function ErrorView({ title, message, back, reset }: { title: string; message: string; back: { href: string; label: string }; reset: () => void }) {
  return (
    <section className="status" role="alert" data-testid="error-boundary">
      <h1>{title}</h1>
      <p>{message}</p>
      <p className="status__actions">
        <button type="button" className="button" onClick={() => reset()}>
          重试
        </button>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </section>
  );
}
