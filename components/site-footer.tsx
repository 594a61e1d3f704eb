export function SiteFooter() {
  return (
    <footer className="site-footer" data-testid="site-footer">
      <div className="container">
        <p>开源项目，采用 MIT 许可证。报告为公开政府文件，版权归原发布机关。</p>
      </div>
    </footer>
  );
}
