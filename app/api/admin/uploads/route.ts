import { MAX_UPLOAD_REQUEST_BYTES } from '@/lib/admin/upload-rules';
import { storeUploads } from '@/lib/admin/uploads';
import { requireAdminApi } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { errorResponse } from '@/lib/respond';

/** POST multipart/form-data with `files` (several): stores them; indexing is a separate step. */
export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireAdminApi(request);
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_REQUEST_BYTES) throw new AppError('too_large:admin', '一次上传的总大小超过上限。');
    const form = await request.formData().catch(() => {
      throw new AppError('bad_request:admin', '请求不是有效的文件上传表单。');
    });
    const files = form.getAll('files').filter((value): value is File => typeof value !== 'string');
    if (files.length === 0) throw new AppError('bad_request:admin', '没有收到文件。');
    const paths = config().data;
    const result = await storeUploads(files, paths.uploads, paths.base);
    log('admin').info({ admin, stored: result.stored.length, rejected: result.rejected.length }, 'upload');
    return Response.json(result, { status: result.stored.length > 0 ? 201 : 422, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'admin');
  }
}
