-- Identities of companies in other systems (CRMs). One company per (source, external id) in a
-- firm, and one external id per source and company.
create table company_references (
    tenant_id   uuid not null,
    company_id  uuid not null,
    source      text not null check (source ~ '^[A-Za-z0-9._-]{1,50}$'),
    external_id text not null check (length(external_id) between 1 and 200),
    primary key (tenant_id, company_id, source),
    unique (tenant_id, source, external_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id)
);

alter table company_references enable row level security;
alter table company_references force row level security;
create policy company_references_tenant_isolation on company_references
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

-- References are replaced as a whole when a company is edited.
grant select, insert, update, delete on company_references to ${app_role};
