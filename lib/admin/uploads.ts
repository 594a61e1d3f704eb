import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { log } from '../log';
import { formatBytes, isAcceptedName, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, safeUploadName, UPLOAD_EXTENSIONS } from './upload-rules';

/**
 * Uploaded reports land in `<data>/reports/uploads/` under a safe name (upload-rules.ts). A file
 * with the name of an earlier upload replaces it, so re-uploading a corrected file is the way to
 * fix a failure. Each file is written to a dot-file first and renamed into place, so an indexing
 * run never reads half a file (the walk skips dotfiles).
 */

export interface StoredUpload {
  original: string;
  name: string;
  /** Relative to the data folder's parent, as the index's `sourcePath` will be. */
  sourcePath: string;
  size: number;
  replaced: boolean;
}

export interface RejectedUpload {
  original: string;
  reason: string;
}

export async function storeUploads(
  files: readonly File[],
  uploadsDir: string,
  baseDir: string,
): Promise<{ stored: StoredUpload[]; rejected: RejectedUpload[] }> {
  const stored: StoredUpload[] = [];
  const rejected: RejectedUpload[] = [];
  if (files.length > MAX_UPLOAD_FILES) {
    return { stored, rejected: files.map((file) => ({ original: file.name, reason: `一次最多上传 ${MAX_UPLOAD_FILES} 个文件` })) };
  }
  await mkdir(uploadsDir, { recursive: true });
  const taken = new Set<string>();
  for (const file of files) {
    const original = file.name.slice(0, 300);
    if (!isAcceptedName(original)) {
      rejected.push({ original, reason: `不支持的文件类型（支持 ${UPLOAD_EXTENSIONS.join(' ')}）` });
      continue;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      rejected.push({ original, reason: `文件过大（${formatBytes(file.size)}，上限 ${formatBytes(MAX_UPLOAD_BYTES)}）` });
      continue;
    }
    if (file.size === 0) {
      rejected.push({ original, reason: '空文件' });
      continue;
    }
    const name = safeUploadName(original);
    if (!name || taken.has(name)) {
      rejected.push({ original, reason: name ? '同一批中有同名文件' : '文件名不可用' });
      continue;
    }
    const target = path.resolve(uploadsDir, name);
    // Belt and braces: the name is one segment, but never write outside the folder.
    if (path.dirname(target) !== path.resolve(uploadsDir)) {
      rejected.push({ original, reason: '文件名不可用' });
      continue;
    }
    taken.add(name);
    const temp = path.join(uploadsDir, `.upload-${randomBytes(6).toString('hex')}`);
    try {
      await writeFile(temp, Buffer.from(await file.arrayBuffer()), { flag: 'wx', mode: 0o640 });
      let replaced = false;
      try {
        replaced = (await stat(target)).isFile();
      } catch {
        replaced = false;
      }
      await rename(temp, target);
      stored.push({ original, name, sourcePath: path.relative(baseDir, target).split(path.sep).join('/'), size: file.size, replaced });
    } catch (error) {
      await rm(temp, { force: true });
      log('admin').error({ err: error, name }, 'could not store an upload');
      rejected.push({ original, reason: '保存失败' });
    }
  }
  return { stored, rejected };
}
