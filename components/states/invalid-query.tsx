import Link from 'next/link';

/**
 * A view's address it cannot read (a malformed parameter, an unknown place, a selection it
 * refuses): what is wrong, in plain words, and a link back to a view that works.
 */
export function InvalidQuery({
  title,
  message,
  back,
  testId,
}: {
  title: string;
  message: string;
  back: { href: string; label: string; testId?: string };
  testId: string;
}) {
  return (
    <section className="status" data-testid={testId}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link href={back.href} data-testid={back.testId}>
          {back.label}
        </Link>
      </p>
    </section>
  );
}
