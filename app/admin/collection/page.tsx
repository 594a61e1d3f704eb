import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { listCollection } from '@/lib/admin/collection';
import { formatTime } from '@/lib/admin/format';
import { requireAdminPage } from '@/lib/auth/session';
import { indexingTarget } from '@/lib/config';
import type { SearchPageProps } from '@/lib/search/params';
import { RemoveButton } from './remove-button';

export const metadata: Metadata = { title: '报告库' };

const PAGE_SIZE = 100;

function statusOf(item: { partial: boolean; failedChecksTotal: number }): string {
  if (item.partial) return '部分文本';
  if (item.failedChecksTotal > 0) return `${item.failedChecksTotal} 项核对未通过`;
  return '正常';
}

export default async function CollectionPage({ searchParams }: SearchPageProps) {
  const admin = await requireAdminPage('/admin/collection');
  const raw = (await searchParams).offset;
  const offset = Math.max(0, Number.parseInt(Array.isArray(raw) ? raw[0] : (raw ?? '0'), 10) || 0);
  const page = await listCollection(indexingTarget(), offset, PAGE_SIZE);
  return (
    <div data-testid="admin-collection-page">
      <h1>报告库</h1>
      <AdminNav admin={admin} current="/admin/collection" />
      <p className="muted">
        索引中共 <span data-testid="collection-total">{page.total}</span> 份报告。移除会把报告从索引中删除，并把源文件移到数据目录的 removed/
        中，以后的索引不会再收录它。
      </p>
      <div className="admin-table-wrap">
        <table className="data-table admin-table" data-testid="collection-table">
          <thead>
            <tr>
              <th scope="col">发布机关</th>
              <th scope="col" className="num">
                年度
              </th>
              <th scope="col">状态</th>
              <th scope="col">来源文件</th>
              <th scope="col">索引时间</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} data-testid="collection-row" data-source={item.sourcePath}>
                <td>
                  <Link href={`/reports/${item.id}`}>{item.organization ?? item.title ?? '（未识别）'}</Link>
                </td>
                <td className="num">{item.year ?? '—'}</td>
                <td>{statusOf(item)}</td>
                <td className="path">{item.sourcePath}</td>
                <td>{item.indexedAt ? formatTime(item.indexedAt) : '—'}</td>
                <td>
                  <RemoveButton id={item.id} label={item.organization ?? item.sourcePath} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="admin-actions">
        {offset > 0 ? <Link href={`/admin/collection?offset=${Math.max(0, offset - PAGE_SIZE)}`}>上一页</Link> : null}
        {offset + PAGE_SIZE < page.total ? <Link href={`/admin/collection?offset=${offset + PAGE_SIZE}`}>下一页</Link> : null}
      </p>
    </div>
  );
}
