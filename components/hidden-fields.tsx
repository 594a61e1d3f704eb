/**
 * Hidden inputs carrying a search's other parameters, so a GET form (the search box, the sort
 * select, the year range) changes one thing and keeps the rest of the URL's state.
 */
export function HiddenFields({ query }: { query: string }) {
  const entries = [...new URLSearchParams(query).entries()];
  return (
    <>
      {entries.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
