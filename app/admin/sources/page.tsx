import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { SourcesPanel } from '@/components/admin/sources-panel';
import { currentHarvest } from '@/lib/admin/harvest-runs';
import { requireAdminPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { readSources, SourcesError, sourcesFile } from '@/lib/harvest/sources';
import { readChecks } from '@/lib/harvest/store';

export const metadata: Metadata = { title: '采集来源' };

export default async function SourcesPage() {
  const admin = await requireAdminPage('/admin/sources');
  const root = config().data.root;
  let sources: ReturnType<typeof readSources> = [];
  let broken: string | null = null;
  try {
    sources = readSources(sourcesFile(root));
  } catch (error) {
    if (!(error instanceof SourcesError)) throw error;
    broken = error.message;
  }
  return (
    <div data-testid="admin-sources-page">
      <h1>采集来源</h1>
      <AdminNav admin={admin} current="/admin/sources" />
      {broken ? (
        <p className="notice notice--error" role="alert">
          来源文件无法读取：{broken}
        </p>
      ) : null}
      <SourcesPanel sources={sources} checks={readChecks(root)} initialHarvest={currentHarvest()} />
    </div>
  );
}
