// The funds the caller may see: every fund of the firm, or a fund manager's granted funds only (the
// API decides; the page shows what it answers).
import { graphql } from '../api.js';
import { h, show } from '../dom.js';

const FUNDS = `query PortfolioPageFunds($after: String) {
  funds(first: 100, after: $after, orderBy: { field: NAME, direction: ASC }) {
    pageInfo { hasNextPage endCursor }
    nodes { id name vintageYear strategy currency status holdings(first: 0) { totalCount } }
  }
}`;

export async function allFunds() {
    const funds = [];
    let after = null;
    do {
        const page = (await graphql(FUNDS, { after })).funds;
        funds.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return funds;
}

export async function fundsView(viewer) {
    const funds = await allFunds();
    const intro = viewer.fundScoped
        ? 'The funds granted to you. Choose one to compare its companies.'
        : `The funds of ${viewer.tenant?.name ?? 'your firm'}. Choose one to compare its companies.`;
    show(
        h('h1', {}, 'Funds'),
        h('p', { className: 'lead' }, intro),
        funds.length === 0
            ? h('p', { className: 'empty' }, 'No fund to show.')
            : h('ul', { className: 'fund-list', id: 'fund-list' }, funds.map(fund => h('li', {},
                h('a', { className: 'fund-card', href: `#/funds/${encodeURIComponent(fund.id)}`, dataset: { fundId: fund.id } },
                    h('span', { className: 'fund-name' }, fund.name),
                    h('span', { className: 'fund-meta' }, `${fund.holdings.totalCount} holdings · ${fund.vintageYear} · ${fund.strategy.replaceAll('_', ' ').toLowerCase()} · ${fund.currency} · ${fund.status.toLowerCase()}`))))),
    );
}
