import { MESSAGES } from '@/lib/errors';

/**
 * The search engine cannot answer: the same plain sentence everywhere. Under a page's own frame
 * (the search box, …) it is a notice; where it is all the page has (`title`), a status section
 * with that heading.
 */
export function SearchUnavailable({ title, testId = 'search-unavailable' }: { title?: string; testId?: string }) {
  if (title) {
    return (
      <section className="status" data-testid={testId}>
        <h1>{title}</h1>
        <p role="alert">{MESSAGES.searchUnavailable}</p>
      </section>
    );
  }
  return (
    <p className="notice notice--error" role="alert" data-testid={testId}>
      {MESSAGES.searchUnavailable}
    </p>
  );
}
