'use client';

import { type DragEvent, type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { formatBytes, isAcceptedName, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, UPLOAD_EXTENSIONS } from '@/lib/admin/upload-rules';

interface UploadResult {
  stored: Array<{ original: string; name: string; size: number; replaced: boolean }>;
  rejected: Array<{ original: string; reason: string }>;
}

/** Several files by drag and drop or the file picker; the server checks everything again. */
export function UploadPanel() {
  const upload = useUpload();
  const ready = useHydrated();
  return (
    <section className="admin-section card" id="upload" aria-labelledby="upload-title" data-testid="upload-panel" data-ready={ready}>
      <h2 id="upload-title">上传报告</h2>
      <p className="muted">
        支持 {UPLOAD_EXTENSIONS.join(' ')}；每个文件不超过 {formatBytes(MAX_UPLOAD_BYTES)}，一次最多 {MAX_UPLOAD_FILES}{' '}
        个。同名文件会替换之前上传的版本。上传后点击“索引新上传”。
      </p>
      <form onSubmit={upload.submit} className="admin-form">
        <DropZone input={upload.input} onFiles={upload.choose} />
        <ChosenFiles files={upload.files} />
        <div className="admin-actions">
          <button type="submit" className="button button--primary" disabled={upload.busy || upload.files.length === 0} data-testid="upload-submit">
            {upload.busy ? '正在上传…' : '上传'}
          </button>
        </div>
      </form>
      {upload.error ? (
        <p className="notice notice--error" role="alert" data-testid="upload-error">
          {upload.error}
        </p>
      ) : null}
      {upload.result ? <UploadResultNotice result={upload.result} /> : null}
    </section>
  );
}

/** True once hydrated: before that, a chosen file would not reach React's state (the tests wait for it). */
function useHydrated(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready;
}

/** The chosen files and the POST to /api/admin/uploads, with what came of it. */
function useUpload() {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (list: FileList | null) => {
    setResult(null);
    setError(null);
    setFiles(list ? Array.from(list).slice(0, MAX_UPLOAD_FILES) : []);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    const sent = await send(files);
    if ('error' in sent) setError(sent.error);
    else {
      setResult(sent.result);
      setFiles([]);
      if (input.current) input.current.value = '';
    }
    setBusy(false);
  };

  return { input, files, busy, result, error, choose, submit };
}

/** Uploads the files; a 422 still lists what was stored and what was refused. */
async function send(files: File[]): Promise<{ result: UploadResult } | { error: string }> {
  const body = new FormData();
  for (const file of files) body.append('files', file, file.name);
  try {
    const response = await fetch('/api/admin/uploads', { method: 'POST', body });
    const payload = (await response.json().catch(() => null)) as (UploadResult & { error?: string }) | null;
    if (response.status === 401) return { error: '登录已过期，请重新登录。' };
    if (!payload || (!response.ok && response.status !== 422)) return { error: payload?.error ?? '上传失败，请重试。' };
    return { result: payload };
  } catch {
    return { error: '网络错误，上传没有完成。' };
  }
}

function DropZone({ input, onFiles }: { input: RefObject<HTMLInputElement | null>; onFiles: (list: FileList | null) => void }) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    onFiles(event.dataTransfer.files);
  };
  return (
    <label
      className={`dropzone${dragging ? ' dropzone--active' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      <span>把文件拖到这里，或点击选择文件</span>
      <input
        ref={input}
        type="file"
        name="files"
        multiple
        accept={UPLOAD_EXTENSIONS.join(',')}
        onChange={(event) => onFiles(event.target.files)}
        data-testid="upload-input"
      />
    </label>
  );
}

/** The files about to go, each flagged when the server would refuse it. */
function ChosenFiles({ files }: { files: File[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="admin-list" data-testid="upload-selected">
      {files.map((file) => (
        <li key={`${file.name}-${file.size}`}>
          {file.name}（{formatBytes(file.size)}）
          {!isAcceptedName(file.name) ? <strong> 不支持的类型</strong> : file.size > MAX_UPLOAD_BYTES ? <strong> 过大</strong> : null}
        </li>
      ))}
    </ul>
  );
}

function UploadResultNotice({ result }: { result: UploadResult }) {
  return (
    <div className="notice notice--info" role="status" data-testid="upload-result">
      <p>
        已保存 {result.stored.length} 个文件{result.rejected.length > 0 ? `，${result.rejected.length} 个未接受` : ''}。
      </p>
      {result.stored.length > 0 ? (
        <ul className="admin-list">
          {result.stored.map((file) => (
            <li key={file.name} data-testid="upload-stored">
              {file.name}
              {file.replaced ? '（替换了旧版本）' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {result.rejected.length > 0 ? (
        <ul className="admin-list">
          {result.rejected.map((file) => (
            <li key={file.original} data-testid="upload-rejected">
              {file.original}：{file.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
