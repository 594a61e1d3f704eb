import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Checks a document against what RFC 4287 requires of an Atom feed (well-formed XML; a feed with
 * exactly one id, title and updated, an author for the feed or for every entry; entries with one
 * id, title, updated and a link) and returns its entries. fast-xml-parser reads the XML; the
 * rules are the RFC's, one assertion each, so a broken feed says what is missing.
 */

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published?: string;
  link: string;
  summary?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  links: Array<{ rel: string; href: string }>;
  entries: AtomEntry[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const text = (node: unknown): string =>
  typeof node === 'object' && node !== null ? String((node as Record<string, unknown>)['#text'] ?? '') : String(node ?? '');
const list = <T>(node: T | T[] | undefined): T[] => (node === undefined ? [] : Array.isArray(node) ? node : [node]);

export function validateAtom(xml: string): AtomFeed {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author'].includes(name) }).parse(xml);
  const feed = doc.feed;
  assert.ok(feed, 'the root element is <feed>');
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom', 'in the Atom namespace');
  for (const name of ['id', 'title', 'updated']) assert.equal(list(feed[name]).length, 1, `the feed has exactly one <${name}>`);
  assert.match(text(feed.updated), RFC3339, 'the feed <updated> is an RFC 3339 date');
  const links = list<Record<string, string>>(feed.link).map((l) => ({ rel: l['@rel'] ?? 'alternate', href: l['@href'] ?? '' }));
  const entries = list<Record<string, unknown>>(feed.entry).map((entry, i) => {
    for (const name of ['id', 'title', 'updated']) assert.equal(list(entry[name]).length, 1, `entry ${i} has exactly one <${name}>`);
    assert.match(text(entry.updated), RFC3339, `entry ${i} <updated> is an RFC 3339 date`);
    if (entry.published !== undefined) assert.match(text(entry.published), RFC3339, `entry ${i} <published> is an RFC 3339 date`);
    const entryLinks = list<Record<string, string>>(entry.link as never);
    const alternate = entryLinks.find((l) => (l['@rel'] ?? 'alternate') === 'alternate');
    assert.ok(alternate?.['@href'], `entry ${i} links to the report`);
    assert.ok(feed.author || entry.author, `entry ${i} has an author, or the feed has one`);
    return {
      id: text(entry.id),
      title: text(entry.title),
      updated: text(entry.updated),
      published: entry.published === undefined ? undefined : text(entry.published),
      link: alternate['@href'],
      summary: entry.summary === undefined ? undefined : text(entry.summary),
    };
  });
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, 'entry ids are unique');
  return { id: text(feed.id), title: text(feed.title), updated: text(feed.updated), links, entries };
}
