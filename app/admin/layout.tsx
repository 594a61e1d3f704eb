import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentAdmin } from '@/lib/auth/session';
import './admin.css';

export const metadata: Metadata = { title: { default: '管理', template: '%s · 管理 · 年报 Nianbao' }, robots: { index: false } };

/**
 * Checked here and again in every page. Here, because the layout renders before loading.tsx's
 * boundary starts streaming, so a signed-out request gets a real HTTP redirect (a redirect from
 * inside the streamed page arrives as a 200 with a client-side redirect). In the pages, because a
 * layout does not re-render on client-side navigation between them.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  if (!(await currentAdmin())) {
    // proxy.ts forwards the path it saw; without it, /admin is a fine place to come back to.
    const path = (await headers()).get('x-admin-path') ?? '/admin';
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return children;
}
