// A company's trend: the overall and dimension scores of each of its published assessments, in the
// order they were published.
import { graphql } from '../api.js';
import { date, decimal, h, levelClass, numberOrNull, scrollBox, show, statusLine } from '../dom.js';
import { trendChart } from '../charts.js';

const TREND = `query PortfolioPageTrend($id: ID!) {
  company(id: $id) {
    id name sector stage
    assessmentHistory(first: 50) {
      nodes {
        id status frameworkVersion
        publication { publishedAt publisher { name } }
        score { overall level levelSuppressed dimensions { code score } }
      }
    }
  }
}`;

export async function trendView(companyId, fundId) {
    show(statusLine('Loading the trend…'));
    const company = (await graphql(TREND, { id: companyId })).company;
    const back = fundId ? h('a', { href: `#/funds/${encodeURIComponent(fundId)}` }, 'Portfolio') : h('a', { href: '#/' }, 'Funds');
    if (!company) {
        show(h('h1', {}, 'Company not found'), h('p', {}, 'This company does not exist or is not in a fund granted to you. '), back);
        return;
    }
    const published = company.assessmentHistory.nodes
        .filter(assessment => assessment.status === 'PUBLISHED' && assessment.publication)
        .sort((a, b) => a.publication.publishedAt.localeCompare(b.publication.publishedAt));
    const codes = [...new Set(published.flatMap(assessment => assessment.score.dimensions.map(dimension => dimension.code)))].sort();
    const series = [
        { name: 'Overall', width: 4, points: published.map(assessment => [assessment.publication.publishedAt, numberOrNull(assessment.score.overall)]) },
        ...codes.map(code => ({ name: code, points: published.map(assessment => [assessment.publication.publishedAt,
            numberOrNull(assessment.score.dimensions.find(dimension => dimension.code === code)?.score)]) })),
    ];
    show(
        h('nav', { className: 'crumbs', 'aria-label': 'Breadcrumb' }, back, ' / ', company.name),
        h('h1', {}, `${company.name}: trend`),
        h('p', { className: 'lead' }, `${published.length} published assessment${published.length === 1 ? '' : 's'} · ${company.sector.replaceAll('_', ' ').toLowerCase()} · ${company.stage.replaceAll('_', ' ').toLowerCase()}`),
        published.length === 0
            ? h('p', { className: 'empty' }, 'No published assessment yet.')
            : [
                h('figure', {}, trendChart(`Scores of ${company.name} over ${published.length} assessments`, series), h('figcaption', {}, 'Overall and dimension scores (0–4) by publication date')),
                scrollBox('Assessments', h('table', { className: 'data', id: 'trend-table' },
                    h('thead', {}, h('tr', {}, ['Published', 'Framework', 'Overall', 'Level', ...codes, 'By'].map(label => h('th', { scope: 'col' }, label)))),
                    h('tbody', {}, published.slice().reverse().map(assessment => h('tr', {},
                        h('th', { scope: 'row' }, h('a', { href: `#/assessments/${encodeURIComponent(assessment.id)}` }, date(assessment.publication.publishedAt))),
                        h('td', { className: 'num' }, `v${assessment.frameworkVersion}`),
                        h('td', { className: 'num' }, decimal(assessment.score.overall)),
                        h('td', { className: `num ${levelClass(assessment.score.level)}` }, assessment.score.levelSuppressed ? 'suppressed' : (assessment.score.level ?? '—')),
                        codes.map(code => h('td', { className: 'num' }, decimal(assessment.score.dimensions.find(dimension => dimension.code === code)?.score))),
                        h('td', {}, assessment.publication.publisher.name))))))],
    );
}
