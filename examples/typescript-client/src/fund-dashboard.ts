// A fund manager's dashboard on standard output: the caller's funds, the portfolio comparison of the
// first one (each company's overall score as the exact Decimal string, level, open findings) and the
// dimension scores of the top company's assessment, read through node(id:).
//
//   DILIGENCE_TOKEN=... [DILIGENCE_URL=http://localhost:8080/graphql] npm start
//
// Exit status: 0 when everything was printed, 1 when the API refused a request or could not be
// reached (the reason on standard error), 2 when DILIGENCE_TOKEN is missing.
import { DiligenceApiError, DiligenceClient } from './diligence-client.js';
import { graphql } from './gql/index.js';
import type { FundDashboardPortfolioQuery } from './gql/graphql.js';

const FundsQuery = graphql(`
  query FundDashboardFunds {
    viewer {
      subject
      roles
      fundScoped
      tenant {
        name
      }
    }
    funds(first: 20) {
      totalCount
      nodes {
        id
        name
        vintageYear
        strategy
        currency
        targetSize
      }
    }
  }
`);

const PortfolioQuery = graphql(`
  query FundDashboardPortfolio($fundId: ID!) {
    portfolio(fundId: $fundId) {
      asOf
      frameworkVersion
      cohortSize
      overall {
        median
      }
      companies(first: 20) {
        nodes {
          company {
            name
          }
          assessment {
            id
          }
          overall
          level
          levelSuppressed
          openFindings {
            critical
            high
            medium
            low
            info
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

const AssessmentQuery = graphql(`
  query FundDashboardAssessment($id: ID!) {
    node(id: $id) {
      __typename
      ... on Assessment {
        status
        frameworkVersion
        company {
          name
        }
        publication {
          publishedAt
        }
        score {
          stored
          overall
          level
          dimensions {
            code
            applicable
            score
            coverage
            cappedBy
          }
        }
      }
    }
  }
`);

type PortfolioRow = NonNullable<FundDashboardPortfolioQuery['portfolio']>['companies']['nodes'][number];

async function main(): Promise<number> {
  const token = process.env.DILIGENCE_TOKEN;
  if (token === undefined || token.trim() === '') {
    console.error('DILIGENCE_TOKEN is not set: export an access token of the API\'s issuer (README "Calling the API").');
    return 2;
  }
  const client = new DiligenceClient({ url: process.env.DILIGENCE_URL ?? 'http://localhost:8080/graphql', token });

  const { viewer, funds } = await client.execute(FundsQuery, {});
  const scope = viewer.fundScoped ? 'the funds granted to them' : 'every fund of the firm';
  console.log(`${viewer.tenant?.name ?? 'no firm'}: ${viewer.subject} (${viewer.roles.join(', ')}), reading ${scope}`);
  console.log(`Funds (${funds.totalCount}${funds.totalCount > funds.nodes.length ? `, the first ${funds.nodes.length}` : ''}):`);
  printTable(['fund', 'vintage', 'strategy', 'target size'], funds.nodes.map((fund) => [
    fund.name,
    String(fund.vintageYear),
    fund.strategy,
    fund.targetSize === null ? 'not disclosed' : `${fund.targetSize} ${fund.currency}`,
  ]));
  const fund = funds.nodes[0];
  if (fund === undefined) {
    console.log('No fund to compare.');
    return 0;
  }

  const { portfolio } = await client.execute(PortfolioQuery, { fundId: fund.id });
  if (portfolio === null) {
    console.log(`\nThe portfolio of ${fund.name} is not visible to this caller.`);
    return 0;
  }
  const rows = portfolio.companies.nodes;
  console.log(`\nPortfolio of ${fund.name} (framework version ${portfolio.frameworkVersion}, as of ${portfolio.asOf}):`
    + ` ${portfolio.cohortSize} companies scored, median overall ${portfolio.overall.median ?? 'none'}`);
  printTable(['company', 'overall', 'level', 'open findings (critical/high/medium/low/info)'], rows.map((row) => [
    row.company.name,
    row.overall ?? 'not scored',
    levelOf(row),
    [row.openFindings.critical, row.openFindings.high, row.openFindings.medium, row.openFindings.low,
      row.openFindings.info].join('/'),
  ]));
  if (portfolio.companies.pageInfo.hasNextPage) {
    console.log('  (more companies on the next pages)');
  }
  const top = rows[0];
  if (top === undefined) {
    console.log('No company of this fund has a published assessment.');
    return 0;
  }

  const { node } = await client.execute(AssessmentQuery, { id: top.assessment.id });
  if (node === null || node.__typename !== 'Assessment') {
    console.log(`\nThe assessment of ${top.company.name} is not visible to this caller.`);
    return 0;
  }
  const score = node.score;
  console.log(`\nAssessment of ${node.company.name} (${node.status}, published ${node.publication?.publishedAt ?? 'never'},`
    + ` framework version ${node.frameworkVersion}, ${score.stored ? 'stored' : 'live'} scores):`
    + ` overall ${score.overall ?? 'not scored'}, level ${score.level ?? '-'}`);
  printTable(['dimension', 'score', 'coverage', 'capped by'], score.dimensions.map((dimension) => [
    dimension.code,
    dimension.applicable ? dimension.score ?? 'not scored' : 'not applicable',
    dimension.coverage ?? '-',
    dimension.cappedBy ?? '-',
  ]));
  return 0;
}

function levelOf(row: PortfolioRow): string {
  if (row.levelSuppressed) {
    return 'suppressed';
  }
  return row.level === null ? '-' : String(row.level);
}

/** Left-aligned columns, two spaces apart, indented by two. */
function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  for (const row of [header, ...rows]) {
    console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}`);
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof DiligenceApiError) {
      console.error(`The API refused the request: ${error.message}`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exitCode = 1;
  },
);
