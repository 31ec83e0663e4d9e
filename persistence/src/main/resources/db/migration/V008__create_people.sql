-- People of a firm: the display name and email of every token subject that acted in it, as their
-- token last described them, so that deal leads, assessors and reviewers show a name, not a subject.
-- Tenant-owned: row-level security enabled and forced, keyed by (tenant_id, subject).
create table people (
    tenant_id     uuid        not null references tenants (id),
    subject       text        not null,
    display_name  text        not null,
    email         text,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (tenant_id, subject)
);

alter table people enable row level security;
alter table people force row level security;
create policy people_tenant_isolation on people
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

grant select, insert, update on people to ${app_role};
