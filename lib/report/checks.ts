import type { ApplicationTable, Check, ReviewTable } from './schema';

/**
 * The arithmetic a report's tables must satisfy (DOMAIN.md rules 1–4 and 6). A failed rule is a
 * finding to show, not a parse error. Only rules whose cells were all read are evaluated.
 */

const GROUP_NAMES = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
} as const;

export function applicationTableChecks(table: ApplicationTable): Check[] {
  const checks: Check[] = [];
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const cell = (rowKey: string, c: number) => byKey.get(rowKey)?.values[c] ?? null;
  const outcomeKeys = table.rows.map((r) => r.key).filter((k) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(k));

  table.columns.forEach((col, c) => {
    // Rule 1: 新收 + 上年结转 = 总计 + 结转下年度.
    const a = cell('newReceived', c);
    const b = cell('carriedOver', c);
    const t = cell('total', c);
    const f = cell('carriedForward', c);
    if (a !== null && b !== null && t !== null && f !== null) {
      const passed = a + b === t + f;
      checks.push({
        rule: 1,
        scope: `表三·${col.label}列`,
        passed,
        message: passed
          ? `${col.label}列：新收 ${a} + 上年结转 ${b} = 办理总计 ${t} + 结转下年度 ${f}。`
          : `${col.label}列：新收 ${a} + 上年结转 ${b} = ${a + b}，但办理总计 ${t} + 结转下年度 ${f} = ${t + f}。`,
        cells: ['newReceived', 'carriedOver', 'total', 'carriedForward'].map((k) => `t3.${k}.${col.key}`),
      });
    }
    // Rule 2: 总计 = the sum of all outcome rows.
    const outcomes = outcomeKeys.map((k) => cell(k, c));
    if (t !== null && outcomes.every((v) => v !== null)) {
      const sum = (outcomes as number[]).reduce((x, y) => x + y, 0);
      const passed = sum === t;
      checks.push({
        rule: 2,
        scope: `表三·${col.label}列`,
        passed,
        message: passed ? `${col.label}列：各项办理结果之和 ${sum} 等于总计 ${t}。` : `${col.label}列：各项办理结果之和为 ${sum}，但总计为 ${t}。`,
        cells: [...outcomeKeys, 'total'].map((k) => `t3.${k}.${col.key}`),
      });
    }
  });

  // Rule 3: in every row, 总计 = the sum of the six applicant columns.
  const totalCol = table.columns.findIndex((c) => c.key === 'total');
  const subtotalCol = table.columns.findIndex((c) => c.key === 'orgSubtotal');
  const applicantCols = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.key !== 'total' && c.key !== 'orgSubtotal');
  for (const r of table.rows) {
    const total = r.values[totalCol];
    const parts = applicantCols.map(({ i }) => r.values[i]);
    if (total === null || parts.some((v) => v === null)) continue;
    const sum = (parts as number[]).reduce((x, y) => x + y, 0);
    const passed = sum === total;
    checks.push({
      rule: 3,
      scope: `表三·${r.label}`,
      passed,
      message: passed ? `“${r.label}”一行：各类申请人之和 ${sum} 等于总计 ${total}。` : `“${r.label}”一行：各类申请人之和为 ${sum}，但总计为 ${total}。`,
      cells: [...applicantCols.map(({ c }) => `t3.${r.key}.${c.key}`), `t3.${r.key}.total`],
    });
    if (subtotalCol >= 0 && r.values[subtotalCol] !== null) {
      const orgs = applicantCols.filter(({ c }) => c.key !== 'naturalPerson').map(({ i }) => r.values[i] as number);
      const orgSum = orgs.reduce((x, y) => x + y, 0);
      if (orgSum !== r.values[subtotalCol]) {
        checks.push({
          rule: 3,
          scope: `表三·${r.label}（法人小计）`,
          passed: false,
          message: `“${r.label}”一行：五类法人或其他组织之和为 ${orgSum}，但小计为 ${r.values[subtotalCol]}。`,
          cells: applicantCols
            .filter(({ c }) => c.key !== 'naturalPerson')
            .map(({ c }) => `t3.${r.key}.${c.key}`)
            .concat(`t3.${r.key}.orgSubtotal`),
        });
      }
    }
  }
  return checks;
}

export function reviewTableChecks(table: ReviewTable): Check[] {
  return (Object.keys(GROUP_NAMES) as Array<keyof typeof GROUP_NAMES>).map((g) => {
    const v = table[g];
    const sum = (v.upheld ?? 0) + (v.corrected ?? 0) + (v.other ?? 0) + (v.pending ?? 0);
    const passed = sum === v.total;
    return {
      rule: 4 as const,
      scope: `表四·${GROUP_NAMES[g]}`,
      passed,
      message: passed
        ? `${GROUP_NAMES[g]}：维持 ${v.upheld} + 纠正 ${v.corrected} + 其他 ${v.other} + 尚未审结 ${v.pending} = 总计 ${v.total}。`
        : `${GROUP_NAMES[g]}：维持 ${v.upheld} + 纠正 ${v.corrected} + 其他 ${v.other} + 尚未审结 ${v.pending} = ${sum}，但总计为 ${v.total}。`,
      cells: ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => `t4.${g}.${k}`),
    };
  });
}

/** Rule 6: figures the prose repeats should agree with the tables. */
export function proseChecks(input: {
  proseApplications: number | null;
  proseMentionsApplications: boolean;
  proseSaysNoApplications: boolean;
  tableApplications: number | null;
  proseReconsiderations: number | null;
  tableReconsiderations: number | null;
  proseLawsuits: number | null;
  tableLawsuits: number | null;
}): Check[] {
  const checks: Check[] = [];
  const t = input.tableApplications;
  if (t !== null) {
    if (input.proseApplications !== null) {
      const passed = input.proseApplications === t;
      checks.push({
        rule: 6,
        scope: '正文·依申请公开',
        passed,
        message: passed
          ? `正文所述收到申请 ${input.proseApplications} 件，与表三本年新收总计一致。`
          : `正文称收到申请 ${input.proseApplications} 件，但表三本年新收总计为 ${t} 件。`,
        cells: ['prose.applications', 't3.newReceived.total'],
      });
    } else if (input.proseSaysNoApplications) {
      const passed = t === 0;
      checks.push({
        rule: 6,
        scope: '正文·依申请公开',
        passed,
        message: passed ? '正文称未收到申请，表三本年新收总计为 0，一致。' : `正文称未收到申请，但表三本年新收总计为 ${t} 件。`,
        cells: ['prose.applications', 't3.newReceived.total'],
      });
    } else if (input.proseMentionsApplications && t === 0) {
      checks.push({
        rule: 6,
        scope: '正文·依申请公开',
        passed: false,
        message: '正文提到收到了政府信息公开申请，但表三本年新收总计为 0。',
        cells: ['prose.applications', 't3.newReceived.total'],
      });
    }
  }
  const pairs: Array<[string, number | null, number | null, string]> = [
    ['行政复议', input.proseReconsiderations, input.tableReconsiderations, 't4.reconsideration.total'],
    ['行政诉讼', input.proseLawsuits, input.tableLawsuits, 't4.litigation.total'],
  ];
  for (const [name, prose, table, cellRef] of pairs) {
    if (prose === null || table === null) continue;
    const passed = prose === table;
    checks.push({
      rule: 6,
      scope: `正文·${name}`,
      passed,
      message: passed ? `正文所述${name} ${prose} 件，与表四一致。` : `正文称${name} ${prose} 件，但表四合计为 ${table} 件。`,
      cells: [`prose.${name === '行政复议' ? 'reconsiderations' : 'lawsuits'}`, cellRef],
    });
  }
  return checks;
}
