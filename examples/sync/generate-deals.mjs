#!/usr/bin/env node
// Writes a CSV of N believable deals (default 10,000) to standard output, reproducibly:
// 20 funds, N / 2 companies, each deal a company held by a fund.
//
//   node generate-deals.mjs 10000 > deals.csv
const count = Number(process.argv[2] ?? 10000);
const sectors = ['FINANCIAL_SERVICES', 'INSURANCE', 'HEALTHCARE', 'ENTERPRISE_SOFTWARE', 'INDUSTRIALS', 'RETAIL_AND_ECOMMERCE'];
const countries = ['US', 'GB', 'DE', 'FR', 'NL', 'SE'];
const stages = ['SOURCED', 'DILIGENCE', 'INVESTED', 'PASSED'];
const strategies = ['BUYOUT', 'GROWTH_EQUITY', 'VENTURE_CAPITAL'];
const companies = Math.max(1, Math.floor(count / 2));
const header = 'deal_id,fund_id,fund_name,fund_vintage,fund_strategy,fund_currency,fund_target_size,company_id,company_name,website,sector,country,company_stage,employees,description,deal_stage,ownership,entry_date,exit_date';
const lines = [header];
for (let i = 0; i < count; i++) {
  // each company is held by two funds (deals i and i + companies), never twice by the same fund
  const company = i % companies;
  const fund = (i + Math.floor(i / companies)) % 20;
  const stage = stages[i % stages.length];
  const invested = stage === 'INVESTED';
  lines.push([
    `D-${i}`, `F-${fund}`, `"Fund ${String(fund).padStart(2, '0')}, L.P."`, 2015 + (fund % 10), strategies[fund % 3], 'USD', 500000000,
    `C-${company}`, `Company ${company}`, `https://company-${company}.example`, sectors[company % sectors.length],
    countries[company % countries.length], 'GROWTH', 50 + (company % 900), `"Makes ""things"" number ${company}"`,
    stage, invested ? (5 + (i % 40)).toString() : '', invested ? `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 9}` : '', '',
  ].join(','));
}
process.stdout.write(lines.join('\n') + '\n');
