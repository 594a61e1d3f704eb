import { MAX_UPLOAD_REQUEST_BYTES } from '@/lib/admin/upload-rules';
import { storeUploads } from '@/lib/admin/uploads';
import { jsonError, requireAdminApi } from '@/lib/auth/session';
import { config } from '@/lib/config';

/** POST multipart/form-data with `files` (several): stores them; indexing is a separate step. */
export async function POST(request: Request): Promise<Response> {
  const guard = await requireAdminApi(request);
  if ('response' in guard) return guard.response;
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_UPLOAD_REQUEST_BYTES) return jsonError(413, 'too_large', '一次上传的总大小超过上限。');
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError(400, 'bad_form', '请求不是有效的文件上传表单。');
  }
  const files = form.getAll('files').filter((value): value is File => typeof value !== 'string');
  if (files.length === 0) return jsonError(400, 'no_files', '没有收到文件。');
  const paths = config().data;
  const result = await storeUploads(files, paths.uploads, paths.base);
  console.info(`[admin] ${guard.admin} uploaded ${result.stored.length} file(s), ${result.rejected.length} rejected`);
  return Response.json(result, { status: result.stored.length > 0 ? 201 : 422, headers: { 'cache-control': 'no-store' } });
}
