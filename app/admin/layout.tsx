import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './admin.css';

export const metadata: Metadata = { title: { default: '管理', template: '%s · 管理 · 年报 Nianbao' }, robots: { index: false } };

// No session check here on purpose: a layout does not re-render on client navigation, so each
// page checks the session itself (requireAdminPage).
export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
