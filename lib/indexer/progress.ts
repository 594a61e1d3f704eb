import cliProgress from 'cli-progress';

/**
 * Progress of an indexing run: a bar on a terminal (files done/total, rate, ETA), plain lines
 * every few seconds otherwise (logs, CI), nothing in tests.
 */

export interface ProgressCounts {
  done: number;
  total: number;
  indexed: number;
  unchanged: number;
  failed: number;
  duplicates: number;
}

export interface ProgressReporter {
  start(total: number): void;
  update(counts: ProgressCounts): void;
  /** A message between updates (phase changes, warnings). */
  note(message: string): void;
  stop(): void;
}

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'silent';

export const silentProgress: ProgressReporter = { start() {}, update() {}, note() {}, stop() {} };

function rateOf(done: number, startedAt: number): number {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? done / seconds : 0;
}

function barProgress(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} files | {rate}/s | ETA {eta_formatted} | {indexed} indexed, {unchanged} unchanged, {failed} failed, {duplicates} dup.',
      etaBuffer: 200,
      fps: 5,
      hideCursor: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedAt = Date.now();
  let running = false;
  return {
    start(total) {
      startedAt = Date.now();
      running = true;
      bar.start(total, 0, { rate: '0', indexed: 0, unchanged: 0, failed: 0, duplicates: 0 });
    },
    update(counts) {
      bar.update(counts.done, { ...counts, rate: rateOf(counts.done, startedAt).toFixed(0) });
    },
    note(message) {
      if (!running) {
        stream.write(`${message}\n`);
        return;
      }
      // Print above the bar: clear the line, write, redraw.
      stream.write(`\r\x1b[2K${message}\n`);
      bar.render();
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

function lineProgress(stream: NodeJS.WritableStream, everyFiles = 500, everyMs = 5000): ProgressReporter {
  let startedAt = Date.now();
  let lastAt = 0;
  let lastDone = 0;
  let total = 0;
  let last: ProgressCounts | undefined;
  const print = (counts: ProgressCounts) => {
    const rate = rateOf(counts.done, startedAt);
    const eta = rate > 0 && total > counts.done ? ` · ETA ${Math.ceil((total - counts.done) / rate)} s` : '';
    stream.write(
      `[index] ${counts.done}/${total} files · ${rate.toFixed(0)}/s${eta} · ${counts.indexed} indexed, ${counts.unchanged} unchanged, ${counts.failed} failed, ${counts.duplicates} duplicates\n`,
    );
    lastAt = Date.now();
    lastDone = counts.done;
  };
  return {
    start(t) {
      total = t;
      startedAt = Date.now();
      lastAt = startedAt;
      stream.write(`[index] ${total} file(s) to read\n`);
    },
    update(counts) {
      last = counts;
      if (counts.done - lastDone >= everyFiles || Date.now() - lastAt >= everyMs) print(counts);
    },
    note(message) {
      stream.write(`[index] ${message}\n`);
    },
    stop() {
      if (last && last.done !== lastDone) print(last);
    },
  };
}

export function createProgress(mode: ProgressMode = 'auto', stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (mode === 'silent') return silentProgress;
  if (mode === 'bar' || (mode === 'auto' && stream.isTTY)) return barProgress(stream);
  return lineProgress(stream);
}
