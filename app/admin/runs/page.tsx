import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { RunsTable } from '@/components/admin/runs-table';
import { listRuns } from '@/lib/admin/history';
import { requireAdminPage } from '@/lib/auth/session';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: '运行记录' };

export default async function RunsPage() {
  const admin = await requireAdminPage('/admin/runs');
  const runs = await listRuns(config().data.runs, 100);
  return (
    <div data-testid="admin-runs-page">
      <h1>运行记录</h1>
      <AdminNav admin={admin} current="/admin/runs" />
      <p className="muted">最近 100 次索引和采集（包括命令行和 npm run portal 启动时的索引），保存在数据目录的 runs/ 中。</p>
      <RunsTable runs={runs} />
    </div>
  );
}
