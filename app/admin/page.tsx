import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { RunPanel } from '@/components/admin/run-panel';
import { RunsTable } from '@/components/admin/runs-table';
import { UploadPanel } from '@/components/admin/upload-panel';
import { listRuns } from '@/lib/admin/history';
import { currentRun } from '@/lib/admin/run-manager';
import { requireAdminPage } from '@/lib/auth/session';
import { config, indexingTarget } from '@/lib/config';

export const metadata: Metadata = { title: '上传与索引' };

function indexingConfigured(): boolean {
  try {
    indexingTarget();
    return true;
  } catch {
    return false;
  }
}

export default async function AdminPage() {
  const admin = await requireAdminPage('/admin');
  const runs = await listRuns(config().data.runs, 5);
  return (
    <div data-testid="admin-page">
      <h1>管理</h1>
      <AdminNav admin={admin} current="/admin" />
      <div className="admin-grid">
        <UploadPanel />
        <RunPanel initialRun={currentRun()} configured={indexingConfigured()} />
      </div>
      <section className="admin-section" aria-labelledby="recent-runs">
        <h2 id="recent-runs">最近的索引</h2>
        <RunsTable runs={runs} />
      </section>
    </div>
  );
}
