import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

import './globals.css';

export const metadata: Metadata = {
  title: {
    default: '年报 · Nianbao — 政府信息公开工作年度报告检索与比较',
    template: '%s · 年报 Nianbao',
  },
  description: '把各级政府信息公开工作年度报告整理成可检索、可比较的数据。',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main" data-testid="skip-link">
          跳到正文
        </a>
        <SiteHeader />
        {/* tabIndex lets the skip link move keyboard focus into the content. */}
        <main id="main" tabIndex={-1} className="container site-main" data-testid="main">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
