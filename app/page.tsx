export default function HomePage() {
  return (
    <div className="home">
      <section className="home__intro" aria-labelledby="home-title">
        <h1 id="home-title" data-testid="home-title">
          {/* Each half stays on one line, so narrow screens wrap at the space. */}
          <span className="keep-together">政府信息公开工作年度报告</span>{' '}
          <span className="keep-together">检索与比较</span>
        </h1>
        {/* Chinese text stays on one source line: a JSX line break would render as a space. */}
        <p className="lead" data-testid="home-lead">
          各级行政机关每年发布《政府信息公开工作年度报告》，报告中有主动公开、依申请公开、行政复议和行政诉讼等统计表。年报 · Nianbao 把这些报告整理成结构化数据，方便按地区、年份和机关检索，并横向比较。
        </p>
      </section>

      <section className="card card--placeholder" aria-labelledby="search-soon" data-testid="search-placeholder">
        <h2 id="search-soon">检索功能即将上线</h2>
        <p>
          报告解析与索引正在开发中。上线后可在这里按关键词、地区、年份检索报告，并比较各地的依申请公开数据。
        </p>
      </section>
    </div>
  );
}
