import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="site-footer" data-testid="site-footer">
      <div className="container">
        <p>
          <Link href="/data" data-testid="footer-open-data">
            开放数据与数据字典
          </Link>
          <span aria-hidden="true"> · </span>
          <Link href="/data/api" data-testid="footer-api-docs">
            API 文档
          </Link>
        </p>
        <p>开源项目，采用 MIT 许可证。报告为公开政府文件，版权归原发布机关。</p>
      </div>
    </footer>
  );
}
