import type { HighlightedText as Segments } from '@/lib/search/types';

/**
 * Report text with the query's words marked. Segments are rendered as React text, so a report
 * containing `<script>` or `<em>` shows those characters and never runs or styles them.
 */
export function HighlightedText({ segments }: { segments: Segments }) {
  return (
    <>
      {segments.map((segment, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string never reorder, and the same word is marked many times: its place is its only identity
        segment.hit ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
