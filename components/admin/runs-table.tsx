import { describeReason, formatDuration, formatTime, MODE_LABELS } from '@/lib/admin/format';
import type { RunSummary } from '@/lib/admin/history';

function who(run: RunSummary): string {
  if (run.by) return run.by;
  if (run.trigger === 'portal') return 'npm run portal';
  if (run.trigger === 'harvest') return '采集后的索引';
  return '命令行';
}

/** The run history: who, when, mode, counts, duration, and each failure with its reason. */
export function RunsTable({ runs }: { runs: RunSummary[] }) {
  if (runs.length === 0)
    return (
      <p className="muted" data-testid="runs-empty">
        还没有索引记录。
      </p>
    );
  return (
    <div className="admin-table-wrap">
      <table className="data-table admin-table" data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col">开始时间</th>
            <th scope="col">操作人</th>
            <th scope="col">方式</th>
            <th scope="col" className="num">
              文件（采集：页面）
            </th>
            <th scope="col" className="num">
              新索引（采集：新增和改动）
            </th>
            <th scope="col" className="num">
              未变
            </th>
            <th scope="col" className="num">
              失败
            </th>
            <th scope="col" className="num">
              用时
            </th>
            <th scope="col">结果</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid="run-row">
              <td>{formatTime(run.startedAt)}</td>
              <td>{who(run)}</td>
              <td>{MODE_LABELS[run.mode]}</td>
              <td className="num">{run.files}</td>
              <td className="num">{run.indexed}</td>
              <td className="num">{run.unchanged}</td>
              <td className="num">{run.failures.length}</td>
              <td className="num">{formatDuration(run.durationMs)}</td>
              <td>
                {run.fatal ? `未完成：${run.fatal}` : run.failures.length > 0 ? '部分失败' : '成功'}
                {run.failures.length > 0 ? (
                  <details>
                    <summary>失败的文件</summary>
                    <ul className="admin-list">
                      {run.failures.map((failure) => (
                        <li key={failure.file}>
                          <code>{failure.file}</code>：{describeReason(failure.reason)}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
