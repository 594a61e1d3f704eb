import { readReportFile } from '/work/main/lib/ingest/index';
for (const f of process.argv.slice(2)) {
  const t0 = Date.now();
  try {
    const r = await readReportFile(f);
    console.log('==', f, r.format, r.encoding, r.pages, r.bytes, Date.now() - t0, 'ms');
    console.log(r.text.slice(0, Number(process.env.N ?? 600)));
  } catch (e) { console.log('ERR', f, (e as any).code, (e as Error).message); }
}
