// A fund's portfolio: the heatmap (companies × dimensions, each cell a dimension's capped score
// coloured by its band ⌊score⌋, with overall score, level, percentile rank and open critical/high
// findings; sortable), the score distribution, the exports and the choice of companies to compare.
import { graphql } from '../api.js';
import { downloadPanel } from '../downloads.js';
import { band, date, decimal, h, levelClass, numberOrNull, scrollBox, show, statusLine } from '../dom.js';
import { levelDistributionChart, scoreHistogram } from '../charts.js';

// A heatmap row per company, for the first page and the pages after it.
const ROWS = `fragment PortfolioPageRows on PortfolioCompanyConnection {
  pageInfo { hasNextPage endCursor }
  nodes {
    company { id name }
    assessment { id }
    publishedAt overall level levelSuppressed percentileRank
    dimensions { dimension score }
    openFindings { critical high }
  }
}`;

const PORTFOLIO = `query PortfolioPageHeatmap($fundId: ID!) {
  portfolio(fundId: $fundId) {
    fund { id name vintageYear currency }
    asOf frameworkVersion cohortSize
    overall { count mean median min max lowerQuartile upperQuartile }
    levelDistribution { level0 level1 level2 level3 level4 suppressed }
    unassessed(first: 1) { totalCount }
    otherVersions { frameworkVersion }
    companies(first: 100) { ...PortfolioPageRows }
  }
}
${ROWS}`;

const MORE_ROWS = `query PortfolioPageMoreRows($fundId: ID!, $after: String) {
  portfolio(fundId: $fundId) { companies(first: 100, after: $after) { ...PortfolioPageRows } }
}
${ROWS}`;

const DIMENSION_NAMES = `query PortfolioPageDimensions($version: Int!) {
  framework(version: $version) { dimensions { code name } }
}`;

async function load(fundId) {
    const portfolio = (await graphql(PORTFOLIO, { fundId })).portfolio;
    if (!portfolio) {
        return null;
    }
    const rows = [...portfolio.companies.nodes];
    let page = portfolio.companies.pageInfo;
    while (page.hasNextPage) {
        const more = (await graphql(MORE_ROWS, { fundId, after: page.endCursor })).portfolio.companies;
        rows.push(...more.nodes);
        page = more.pageInfo;
    }
    const framework = (await graphql(DIMENSION_NAMES, { version: portfolio.frameworkVersion })).framework;
    return { portfolio, rows, dimensions: framework?.dimensions ?? [] };
}

export async function portfolioView(fundId) {
    show(statusLine('Loading the portfolio…'));
    const loaded = await load(fundId);
    if (!loaded) {
        show(h('h1', {}, 'Fund not found'), h('p', {}, 'This fund does not exist or is not granted to you. '), h('a', { href: '#/' }, 'Back to the funds'));
        return;
    }
    const { portfolio, rows, dimensions } = loaded;
    const state = { sortKey: 'overall', descending: true, selected: new Set() };
    const heatmap = scrollBox('Heatmap', null);
    const compareButton = h('button', { type: 'button', className: 'button', id: 'compare-selected', disabled: true,
        onclick: () => { location.hash = `#/compare?fund=${encodeURIComponent(fundId)}&ids=${[...state.selected].map(encodeURIComponent).join(',')}`; } },
    'Compare selected');
    const redraw = () => {
        heatmap.replaceChildren(heatmapTable(rows, dimensions, state, fundId, redraw));
        compareButton.disabled = state.selected.size < 2 || state.selected.size > 3;
    };
    redraw();

    const fund = portfolio.fund;
    show(
        h('nav', { className: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Funds'), ' / ', fund.name),
        h('h1', {}, fund.name),
        h('p', { className: 'lead' },
            `${rows.length} ${rows.length === 1 ? 'company' : 'companies'} compared under framework version ${portfolio.frameworkVersion}, as of ${date(portfolio.asOf)}. `,
            portfolio.unassessed.totalCount > 0 ? `${portfolio.unassessed.totalCount} without a published assessment. ` : '',
            portfolio.otherVersions.length > 0 ? `Some are assessed under other versions (${portfolio.otherVersions.map(group => group.frameworkVersion).join(', ')}) and listed apart in the API.` : ''),
        exportsPanel(fundId),
        h('section', { 'aria-labelledby': 'heatmap-title' },
            h('div', { className: 'section-head' },
                h('h2', { id: 'heatmap-title' }, 'Heatmap'),
                h('div', { className: 'section-actions' }, h('span', { className: 'hint' }, 'Tick two or three companies to compare them.'), compareButton)),
            legend(),
            heatmap),
        h('section', { 'aria-labelledby': 'distribution-title' },
            h('h2', { id: 'distribution-title' }, 'Score distribution'),
            h('div', { className: 'chart-grid' },
                h('figure', {}, levelDistributionChart(portfolio.levelDistribution), h('figcaption', {}, 'Companies per maturity level')),
                h('figure', {}, scoreHistogram(rows.map(row => row.overall).filter(score => score !== null)), h('figcaption', {}, 'Overall scores'))),
            statistics(portfolio.overall)),
    );
}

const COLUMNS = (dimensions) => [
    { key: 'name', label: 'Company', value: row => row.company.name.toLowerCase() },
    ...dimensions.map(dimension => ({ key: dimension.code, label: dimension.code, title: dimension.name,
        value: row => numberOrNull(row.dimensions.find(score => score.dimension === dimension.code)?.score) })),
    { key: 'overall', label: 'Overall', value: row => numberOrNull(row.overall) },
    { key: 'level', label: 'Level', value: row => row.level },
    { key: 'percentile', label: 'Percentile', value: row => numberOrNull(row.percentileRank) },
    { key: 'critical', label: 'Critical', title: 'Open critical findings', value: row => row.openFindings.critical },
    { key: 'high', label: 'High', title: 'Open high findings', value: row => row.openFindings.high },
];

function sorted(rows, column, descending) {
    const direction = descending ? -1 : 1;
    return [...rows].sort((left, right) => {
        const a = column.value(left);
        const b = column.value(right);
        if (a === b) {
            return left.company.id < right.company.id ? -1 : 1;
        }
        if (a === null) {
            return 1; // a missing value sorts last either way
        }
        if (b === null) {
            return -1;
        }
        return (a < b ? -1 : 1) * direction;
    });
}

function heatmapTable(rows, dimensions, state, fundId, redraw) {
    const columns = COLUMNS(dimensions);
    const column = columns.find(candidate => candidate.key === state.sortKey) ?? columns[0];
    const header = h('tr', {}, h('th', { scope: 'col', className: 'select-col' }, h('span', { className: 'visually-hidden' }, 'Compare')),
        columns.map(each => h('th', { scope: 'col', 'aria-sort': each.key === column.key ? (state.descending ? 'descending' : 'ascending') : 'none', title: each.title },
            h('button', { type: 'button', className: 'sort', dataset: { sort: each.key }, onclick: () => {
                state.descending = state.sortKey === each.key ? !state.descending : each.key !== 'name';
                state.sortKey = each.key;
                redraw();
            } }, each.label))));
    const body = sorted(rows, column, state.descending).map(row => {
        const id = row.company.id;
        const checkbox = h('input', { type: 'checkbox', id: `select-${id}`, checked: state.selected.has(id),
            'aria-label': `Compare ${row.company.name}`, onchange: event => {
                if (event.target.checked) {
                    state.selected.add(id);
                } else {
                    state.selected.delete(id);
                }
                redraw();
            } });
        return h('tr', { dataset: { companyId: id } },
            h('td', { className: 'select-col' }, checkbox),
            h('th', { scope: 'row', className: 'company' },
                h('a', { href: `#/assessments/${encodeURIComponent(row.assessment.id)}` }, row.company.name),
                h('a', { className: 'trend-link', href: `#/companies/${encodeURIComponent(id)}?fund=${encodeURIComponent(fundId)}`, 'aria-label': `Trend of ${row.company.name}` }, 'trend')),
            dimensions.map(dimension => {
                const score = row.dimensions.find(each => each.dimension === dimension.code)?.score ?? null;
                return h('td', { className: `cell ${levelClass(band(score))}`, dataset: { dimension: dimension.code, band: band(score) ?? '' } }, decimal(score));
            }),
            h('td', { className: `cell ${levelClass(band(row.overall))}`, dataset: { overall: row.overall ?? '' } }, decimal(row.overall)),
            h('td', { className: 'num', dataset: { level: row.level ?? '' } }, row.levelSuppressed ? 'suppressed' : (row.level ?? '—')),
            h('td', { className: 'num' }, row.percentileRank === null ? '—' : decimal(row.percentileRank, 0)),
            h('td', { className: `num ${row.openFindings.critical > 0 ? 'alarm' : ''}` }, row.openFindings.critical),
            h('td', { className: `num ${row.openFindings.high > 0 ? 'warn' : ''}` }, row.openFindings.high));
    });
    return h('table', { className: 'heatmap', id: 'heatmap' },
        h('caption', { className: 'visually-hidden' }, 'Companies by dimension score; sort by a column with its header button'),
        h('thead', {}, header), h('tbody', {}, body));
}

function legend() {
    return h('div', { className: 'legend', 'aria-label': 'Colour legend' },
        'Colour: maturity band ⌊score⌋ ',
        [0, 1, 2, 3, 4].map(level => h('span', { className: `chip level-${level}` }, String(level))));
}

function statistics(overall) {
    const item = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value));
    return h('dl', { className: 'stats' },
        item('Scored companies', overall.count),
        item('Mean', decimal(overall.mean)),
        item('Median', decimal(overall.median)),
        item('Quartiles', `${decimal(overall.lowerQuartile)} – ${decimal(overall.upperQuartile)}`),
        item('Range', `${decimal(overall.min)} – ${decimal(overall.max)}`));
}

function exportsPanel(fundId) {
    const id = encodeURIComponent(fundId);
    return downloadPanel('Exports', [
        { label: 'Portfolio CSV', path: `/exports/funds/${id}/portfolio.csv`, key: 'portfolio-csv' },
        { label: 'Portfolio XLSX', path: `/exports/funds/${id}/portfolio.xlsx`, key: 'portfolio-xlsx' },
        { label: 'Findings CSV', path: `/exports/findings.csv?fundId=${id}`, key: 'findings-csv' },
        { label: 'Findings XLSX', path: `/exports/findings.xlsx?fundId=${id}`, key: 'findings-xlsx' },
        { label: 'Committee report (PDF)', path: `/exports/funds/${id}/report.pdf`, key: 'portfolio-pdf' },
    ]);
}
