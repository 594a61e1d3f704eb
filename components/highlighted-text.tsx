import type { HighlightedText as Segments } from '@/lib/search/types';

/**
 * Report text with the query's words marked. Segments are rendered as React text, so a report
 * containing `<script>` or `<em>` shows those characters and never runs or styles them.
 */
export function HighlightedText({ segments }: { segments: Segments }) {
  return <>{segments.map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : segment.text))}</>;
}
