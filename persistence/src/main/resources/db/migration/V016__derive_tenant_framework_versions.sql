-- Framework versions a tenant derives from a platform version by changing weights only.
--
-- framework_versions now mixes platform and tenant rows: a platform version has no tenant_id and
-- names its red-flag rule set; a derived version has the tenant_id of the firm that derived it and
-- its base_version (a platform version), and nothing else. Its criteria, descriptors, references and
-- red-flag rules are the base's: they are not copied. What a derivation changes, its weights, lives
-- in framework_version_weights, one row per dimension and criterion code of the derived version.
--
-- Numbering: a derived version is a version of its own, usable wherever a version number is used
-- (assessments.framework_version references framework_versions (version); portfolio cohorts group by
-- it), so its number is unique across all tenants, never per tenant. Derived numbers come from a
-- sequence starting at 1001, so platform versions keep the small numbers (1, 2, ...) that
-- migrations give them; the checks below keep the two ranges apart (platform < 1001 <= derived).
-- The sequence is shared by all tenants, so a firm's numbers have gaps (other firms' versions and
-- rolled-back derivations); numbers carry no meaning beyond identity.
--
-- Row-level security: enabled and forced. Reads see the platform rows and the current tenant's own
-- rows; another tenant's derived version is invisible, exactly like a number nobody used. The read
-- policy must not raise when no tenant is set (platform rows are readable anywhere), so it uses
-- app_tenant_if_set() below instead of app_current_tenant(); it still sees no tenant row then.
-- Writes go through the insert policy, which admits tenant rows of the current tenant only (and
-- raises without a tenant): the application never writes a platform version. There is no update or
-- delete grant or policy: versions are immutable once stored (scores stay valid under them).
-- A later migration that loads a platform version runs as the owner, which forced row-level security
-- binds as well: it lifts FORCE around its insert (alter table ... no force / force row level
-- security) in its own transaction.

-- The tenant of the current transaction, or null when none is set. Only for read policies of tables
-- that mix platform rows (readable without a tenant) with tenant rows; tenant-owned tables use
-- app_current_tenant(), which raises instead.
create function app_tenant_if_set() returns uuid
    language sql
    stable
    parallel safe
as $$
    select nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

revoke all on function app_tenant_if_set() from public;
grant execute on function app_tenant_if_set() to ${app_role};

create sequence framework_derived_version_numbers as integer start with 1001 minvalue 1001 no cycle;

alter table framework_versions
    add column tenant_id    uuid references tenants (id),
    add column base_version integer references framework_versions (version),
    alter column red_flag_rules drop not null,
    -- platform: rule set, no tenant, no base; derived: tenant and base, rules from the base
    add constraint framework_versions_platform_or_derived check (
        (tenant_id is null) = (base_version is null) and (tenant_id is null) = (red_flag_rules is not null)),
    add constraint framework_versions_number_ranges check ((tenant_id is null) = (version < 1001)),
    -- with the ranges above, this makes every base a platform version: never derive from a derived one
    add constraint framework_versions_base_is_platform check (base_version < 1001),
    -- (tenant_id, version) for the composite foreign key of the weights (and a tenant's versions in
    -- order); version alone is the key
    add constraint framework_versions_tenant_version unique (tenant_id, version);

-- The weights of a derived version, every dimension (D1, ...) and criterion (C1.1, ...) of its base.
-- Unconstrained numeric keeps the scale as given (0.3 stays 0.3, 0.3000 stays 0.3000), so a stored
-- version reads back equal; the checks repeat the domain's WeightRules for a single weight.
create table framework_version_weights (
    tenant_id uuid    not null,
    version   integer not null,
    code      text    not null check (code ~ '^(D[1-9][0-9]*|C[1-9][0-9]*\.[1-9][0-9]*)$'),
    weight    numeric not null check (weight > 0 and weight <= 1 and scale(trim_scale(weight)) <= 4),
    primary key (tenant_id, version, code),
    foreign key (tenant_id, version) references framework_versions (tenant_id, version)
);

alter table framework_versions enable row level security;
alter table framework_versions force row level security;
create policy framework_versions_platform_or_own on framework_versions for select
    using (tenant_id is null or tenant_id = app_tenant_if_set());
create policy framework_versions_derive on framework_versions for insert
    with check (tenant_id = app_current_tenant());

alter table framework_version_weights enable row level security;
alter table framework_version_weights force row level security;
create policy framework_version_weights_tenant_isolation on framework_version_weights
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

-- Foreign keys bypass row-level security, so the reference of assessments alone would accept the
-- number of another tenant's derived version. An assessment uses a platform version or one of its
-- own tenant's.
create function assessments_framework_version_of_tenant() returns trigger
    language plpgsql
as $$
begin
    if not exists (select 1 from framework_versions v
                   where v.version = new.framework_version and (v.tenant_id is null or v.tenant_id = new.tenant_id)) then
        raise exception 'framework version % does not exist', new.framework_version
            using errcode = 'foreign_key_violation';
    end if;
    return new;
end
$$;

create trigger assessments_framework_version_of_tenant
    before insert or update of framework_version on assessments
    for each row execute function assessments_framework_version_of_tenant();

-- Derived versions are immutable: the application reads and inserts, never updates or deletes.
grant select, insert on framework_versions, framework_version_weights to ${app_role};
grant usage on sequence framework_derived_version_numbers to ${app_role};
