import { openApiDocument } from '@/lib/openapi/document';

/** GET /api/openapi.json — the OpenAPI 3.1 document of the public APIs (lib/openapi/document.ts), with this server's address. */

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { 'cache-control': 'no-store' } });
}
