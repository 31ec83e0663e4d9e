-- Platform data: the investment firms using the product. No tenant_id and no row-level security;
-- the application reads it to resolve the tenant key of a token, and only platform operations write it.
create table tenants (
    id         uuid        primary key,
    key        text        not null unique
        check (key ~ '^[a-z][a-z0-9-]{0,61}[a-z0-9]$' and key not like '%--%'),
    name       text        not null check (length(name) between 1 and 200),
    status     text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- Tokens carry the key, and tenant rows everywhere carry the id: neither may ever change.
create function tenants_identity_is_immutable() returns trigger
    language plpgsql
as $$
begin
    if new.id <> old.id or new.key <> old.key then
        raise exception 'the id and key of a tenant never change';
    end if;
    return new;
end
$$;

create trigger tenants_identity_is_immutable
    before update on tenants
    for each row execute function tenants_identity_is_immutable();

grant select, insert, update on tenants to ${app_role};
