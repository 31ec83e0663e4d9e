-- The fund scope of the current transaction. The application sets app.fund_scope_subject, at the
-- start of every transaction and transaction-local, to the token subject of a caller whose reads
-- are narrowed to the funds granted to them (a fund manager without a tenant-wide role), and to ''
-- for everybody else. These restrictive policies then hide, on every path (lists, counts, lookups,
-- filters, plain SQL), the funds not granted to that subject, their holdings, and the companies
-- not held by a granted fund. They add to the tenant policies; they never widen them.
create function app_fund_scope_subject() returns text
    language sql
    stable
    parallel safe
as $$
    select nullif(current_setting('app.fund_scope_subject', true), '')
$$;

revoke all on function app_fund_scope_subject() from public;
grant execute on function app_fund_scope_subject() to ${app_role};

create policy funds_fund_scope on funds as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from fund_grants g
                   where g.tenant_id = funds.tenant_id and g.fund_id = funds.id and g.subject = app_fund_scope_subject()));

create policy holdings_fund_scope on holdings as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from fund_grants g
                   where g.tenant_id = holdings.tenant_id and g.fund_id = holdings.fund_id and g.subject = app_fund_scope_subject()));

create policy companies_fund_scope on companies as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from holdings h
                   join fund_grants g on g.tenant_id = h.tenant_id and g.fund_id = h.fund_id
                   where h.tenant_id = companies.tenant_id and h.company_id = companies.id
                     and g.subject = app_fund_scope_subject()));

create policy company_references_fund_scope on company_references as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from holdings h
                   join fund_grants g on g.tenant_id = h.tenant_id and g.fund_id = h.fund_id
                   where h.tenant_id = company_references.tenant_id and h.company_id = company_references.company_id
                     and g.subject = app_fund_scope_subject()));
