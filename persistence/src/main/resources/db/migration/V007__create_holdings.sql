-- Holdings: a company in a fund of the same firm, at most once per fund. The composite foreign
-- keys keep both ends inside the holding's tenant.
create table holdings (
    tenant_id            uuid        not null,
    id                   uuid        not null,
    fund_id              uuid        not null,
    company_id           uuid        not null,
    deal_stage           text        not null check (deal_stage in ('SOURCED', 'DILIGENCE', 'INVESTED', 'EXITED', 'PASSED')),
    ownership_percentage numeric(7, 4) check (ownership_percentage between 0 and 100),
    entry_date           date,
    exit_date            date,
    deal_lead            text,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    primary key (tenant_id, id),
    constraint holdings_company_once_per_fund unique (tenant_id, fund_id, company_id),
    foreign key (tenant_id, fund_id) references funds (tenant_id, id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    check (exit_date is null or entry_date is null or exit_date >= entry_date),
    check (exit_date is null or deal_stage = 'EXITED')
);

-- Pages of a fund's or a company's holdings, in the order they were added.
create index holdings_by_fund on holdings (tenant_id, fund_id, created_at, id);
create index holdings_by_company on holdings (tenant_id, company_id, created_at, id);

alter table holdings enable row level security;
alter table holdings force row level security;
create policy holdings_tenant_isolation on holdings
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

-- A holding entered by mistake is removed; the audit trail keeps what it was.
grant select, insert, update, delete on holdings to ${app_role};
