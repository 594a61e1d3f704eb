import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ResultsSkeleton } from '@/components/search/results-skeleton';
import { SearchFrame, SearchResults } from '@/components/search/search-view';
import { InvalidQuery } from '@/components/states/invalid-query';
import { SearchUnavailable } from '@/components/states/unavailable';
import { feedPath, feedTitle } from '@/lib/feed/atom';
import { arrivedQuery, DEFAULT_PARAMS, parseSearchParams, type SearchPageProps, type SearchParams, toQueryString } from '@/lib/search/params';
import { SearchUnavailableError, searchReports } from '@/lib/search/queries';
import type { SearchResult } from '@/lib/search/types';

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) return {};
  const { params } = parsed;
  // Feed readers find the search's Atom feed from the page's head.
  const alternates: Metadata['alternates'] = { types: { 'application/atom+xml': [{ url: feedPath(params), title: feedTitle(params) }] } };
  if (!params.q) return { alternates };
  return {
    title: `“${params.q}”的检索结果`,
    description: `在各级政府信息公开工作年度报告中检索“${params.q}”。`,
    alternates,
  };
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  if (!parsed.ok) {
    return (
      <InvalidQuery
        title="搜索条件有误"
        message={parsed.error}
        back={{ href: '/', label: '重新开始搜索', testId: 'invalid-search-reset' }}
        testId="invalid-search"
      />
    );
  }
  const { params } = parsed;

  // One address per search: forms submit empty and default fields, so send them to the canonical URL.
  const canonical = toQueryString(params);
  if (canonical !== arrivedQuery(raw)) redirect(`/${canonical}`);

  const landing = canonical === '' || canonical === toQueryString(DEFAULT_PARAMS);
  // The heading, the introduction and the search box go out at once; the results stream in after
  // (their skeleton meanwhile). With the whole page behind one loading state, the largest text on
  // a phone (the introduction) waited for the engine and React's reveal of the boundary: ~2.5 s
  // Largest Contentful Paint in Lighthouse's mobile run (docs/performance.md).
  return (
    <SearchFrame params={params} landing={landing}>
      <Suspense key={canonical} fallback={<ResultsSkeleton />}>
        <SearchBody params={params} queryString={canonical} />
      </Suspense>
    </SearchFrame>
  );
}

async function SearchBody({ params, queryString }: { params: SearchParams; queryString: string }) {
  let result: SearchResult;
  try {
    result = await searchReports(params);
  } catch (error) {
    if (error instanceof SearchUnavailableError) return <SearchUnavailable />;
    throw error;
  }
  return <SearchResults result={result} queryString={queryString} />;
}
