import type { Check } from '@/lib/report/schema';
import { checkElementId } from '../../../lib/report/failed-cells';

/** DOMAIN.md's rules in plain words, as the list of checks names them. */
const RULES: Record<Check['rule'], string> = {
  1: '规则1 新收 + 上年结转 = 办理总计 + 结转下年度',
  2: '规则2 办理总计 = 各项办理结果之和',
  3: '规则3 每一行的总计 = 各类申请人之和',
  4: '规则4 表四每组：总计 = 维持 + 纠正 + 其他 + 尚未审结',
  5: '规则5 跨年度衔接：上年结转 = 上一年报告的结转下年度；现行有效件数前后相接',
  6: '规则6 正文中的数字与表格一致',
};

function ruleName(rule: Check['rule']): string {
  return RULES[rule];
}

function CheckItem({ check, index }: { check: Check; index: number }) {
  return (
    <li
      id={checkElementId(index)}
      className={check.passed ? 'check check--passed' : 'check check--failed'}
      data-testid={check.passed ? 'check-passed' : 'check-failed'}
      data-rule={check.rule}
    >
      <span className="check__status">{check.passed ? '✓ 通过' : '✗ 未通过'}</span>
      <span className="check__rule">{ruleName(check.rule)}</span>
      <span className="check__scope">{check.scope}</span>
      <span className="check__message">{check.message}</span>
    </li>
  );
}

/**
 * Every check of the report (its own tables, then across years), failed ones first and open,
 * passed ones folded. `checks` must be in the order the marked cells' ids were given.
 */
export function ChecksList({ checks }: { checks: Check[] }) {
  const indexed = checks.map((check, index) => ({ check, index }));
  const failed = indexed.filter(({ check }) => !check.passed);
  const passed = indexed.filter(({ check }) => check.passed);
  return (
    <section className="report-section" aria-labelledby="checks-heading" data-testid="checks">
      <h2 id="checks-heading">勾稽关系校验</h2>
      {checks.length === 0 ? (
        <p>表格没有读全，未能进行校验。</p>
      ) : (
        <>
          <p data-testid="checks-summary">
            共 {checks.length} 项校验，
            {failed.length > 0 ? (
              <>
                <strong className="text-warn">{failed.length} 项未通过</strong>。表格中标有
                <span className="cell-flag-sample" aria-hidden="true">
                  !
                </span>
                的数字参与了未通过的校验
              </>
            ) : (
              '全部通过'
            )}
            。
          </p>
          {failed.length > 0 ? (
            <ul className="checks">
              {failed.map(({ check, index }) => (
                <CheckItem key={index} check={check} index={index} />
              ))}
            </ul>
          ) : null}
          {passed.length > 0 ? (
            <details className="checks-passed" data-testid="checks-passed">
              <summary>查看通过的 {passed.length} 项校验</summary>
              <ul className="checks">
                {passed.map(({ check, index }) => (
                  <CheckItem key={index} check={check} index={index} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
