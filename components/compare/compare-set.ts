'use client';

/**
 * The last comparison's bodies, remembered in the browser so "加入比较" on a search result or a
 * report page adds to it. The URL stays the state: this is only where the next link starts from.
 */

const STORAGE_KEY = 'nianbao:compare';

export function readCompareSet(): string[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 6) : [];
  } catch {
    return [];
  }
}

export function writeCompareSet(bodies: readonly string[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(bodies));
  } catch {
    // Private mode or storage full: the entry points then start a new comparison.
  }
}
