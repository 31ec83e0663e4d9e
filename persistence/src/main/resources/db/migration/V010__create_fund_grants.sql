-- Fund-scoped access: a fund manager reads only the funds granted to them, and the holdings and
-- companies reachable through those funds. Grants are tenant data, managed by tenant admins.
create table fund_grants (
    tenant_id  uuid        not null,
    id         uuid        not null,
    fund_id    uuid        not null,
    subject    text        not null check (length(subject) between 1 and 255),
    granted_by text        not null,
    granted_at timestamptz not null,
    primary key (tenant_id, id),
    constraint fund_grants_once unique (tenant_id, fund_id, subject),
    foreign key (tenant_id, fund_id) references funds (tenant_id, id)
);

create index fund_grants_by_subject on fund_grants (tenant_id, subject, fund_id);

alter table fund_grants enable row level security;
alter table fund_grants force row level security;
create policy fund_grants_tenant_isolation on fund_grants
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

grant select, insert, delete on fund_grants to ${app_role};
