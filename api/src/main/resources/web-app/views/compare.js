// Two or three companies side by side: overall and dimension scores against the fund's medians.
import { graphql } from '../api.js';
import { date, decimal, h, levelClass, show, statusLine } from '../dom.js';
import { groupedBars } from '../charts.js';

const COMPARE = `query PortfolioPageCompare($ids: [ID!]!, $fundId: ID) {
  compareCompanies(ids: $ids, fundId: $fundId) {
    frameworkVersion asOf
    fundMedians { fund { id name } cohortSize overall dimensions { dimension median } }
    companies {
      company { id name }
      assessment { id }
      comparable overall level levelSuppressed overallDifferenceFromMedian
      dimensions { dimension score fundMedian differenceFromMedian }
    }
    missing
  }
}`;

export async function compareView(ids, fundId) {
    show(statusLine('Loading the comparison…'));
    const comparison = (await graphql(COMPARE, { ids, fundId })).compareCompanies;
    const back = fundId ? h('a', { href: `#/funds/${encodeURIComponent(fundId)}` }, 'Portfolio') : h('a', { href: '#/' }, 'Funds');
    if (!comparison) {
        show(h('h1', {}, 'Nothing to compare'), h('p', {}, 'These companies cannot be compared here. '), back);
        return;
    }
    const companies = comparison.companies.filter(entry => entry.comparable);
    const codes = [...new Set(companies.flatMap(entry => entry.dimensions.map(dimension => dimension.dimension)))].sort();
    const categories = ['Overall', ...codes];
    const medians = comparison.fundMedians;
    const reference = medians ? { name: `${medians.fund.name} median`, values: [medians.overall,
        ...codes.map(code => medians.dimensions.find(dimension => dimension.dimension === code)?.median ?? null)] } : null;
    const score = (entry, code) => entry.dimensions.find(dimension => dimension.dimension === code);
    show(
        h('nav', { className: 'crumbs', 'aria-label': 'Breadcrumb' }, back, ' / ', 'Compare'),
        h('h1', {}, 'Side by side'),
        h('p', { className: 'lead' }, `Framework version ${comparison.frameworkVersion}, as of ${date(comparison.asOf)}`,
            medians ? `; medians over ${medians.cohortSize} companies of ${medians.fund.name}.` : '.'),
        h('figure', {}, groupedBars(`Scores of ${companies.map(entry => entry.company.name).join(', ')}`, categories,
            companies.map(entry => ({ name: entry.company.name, values: [entry.overall, ...codes.map(code => score(entry, code)?.score ?? null)] })), reference),
        h('figcaption', {}, 'Overall and dimension scores (0–4); the dashed line is the fund median')),
        h('div', { className: 'compare-grid', id: 'compare-grid' }, comparison.companies.map(entry => h('article', { className: 'compare-card', dataset: { companyId: entry.company.id } },
            h('h2', {}, entry.assessment ? h('a', { href: `#/assessments/${encodeURIComponent(entry.assessment.id)}` }, entry.company.name) : entry.company.name),
            entry.comparable
                ? [h('p', { className: `big-score ${levelClass(entry.level)}` }, decimal(entry.overall), h('span', { className: 'small' }, entry.levelSuppressed ? ' level suppressed' : ` level ${entry.level ?? '—'}`)),
                    h('p', {}, `Against the median: ${signed(entry.overallDifferenceFromMedian)}`),
                    h('table', { className: 'data compact' },
                        h('thead', {}, h('tr', {}, ['Dimension', 'Score', 'Median', 'Δ'].map(label => h('th', { scope: 'col' }, label)))),
                        h('tbody', {}, entry.dimensions.map(dimension => h('tr', {},
                            h('th', { scope: 'row' }, dimension.dimension),
                            h('td', { className: 'num' }, decimal(dimension.score)),
                            h('td', { className: 'num' }, decimal(dimension.fundMedian)),
                            h('td', { className: 'num' }, signed(dimension.differenceFromMedian))))))]
                : h('p', { className: 'empty' }, 'No published assessment under this framework version.')))),
        comparison.missing.length > 0 ? h('p', { className: 'hint' }, `${comparison.missing.length} of the chosen companies could not be found.`) : null,
    );
}

/** A difference with its sign, e.g. +0.25 or -0.10. */
function signed(value) {
    const text = decimal(value);
    return text !== '—' && !text.startsWith('-') && /[1-9]/.test(text) ? `+${text}` : text;
}
