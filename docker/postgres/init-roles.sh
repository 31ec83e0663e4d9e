#!/usr/bin/env bash
# Prepares a PostgreSQL server for the Diligence API, idempotently: the schema owner (runs the Flyway
# migrations), the application role (owns nothing, cannot bypass row-level security, is not a
# member of the owner) and the database owned by the owner. Mirrors
# persistence/.../provisioning/DatabaseProvisioner, which the embedded mode and the tests use.
#
# Run it as a superuser, e.g. from the official image's /docker-entrypoint-initdb.d/, or by hand:
#   DILIGENCE_OWNER_PASSWORD=... DILIGENCE_APP_PASSWORD=... ./init-roles.sh
set -euo pipefail

db="${DILIGENCE_DB_NAME:-diligence}"
owner="${DILIGENCE_OWNER_ROLE:-diligence_owner}"
app="${DILIGENCE_APP_ROLE:-diligence_app}"
: "${DILIGENCE_OWNER_PASSWORD:?set DILIGENCE_OWNER_PASSWORD}"
: "${DILIGENCE_APP_PASSWORD:?set DILIGENCE_APP_PASSWORD}"

for name in "$db" "$owner" "$app"; do
  [[ "$name" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "not a plain identifier: $name" >&2; exit 2; }
done

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v owner="$owner" -v app="$app" -v db="$db" \
  -v owner_password="$DILIGENCE_OWNER_PASSWORD" -v app_password="$DILIGENCE_APP_PASSWORD" <<'SQL'
select format('create role %I', :'owner') where not exists (select 1 from pg_roles where rolname = :'owner') \gexec
select format('create role %I', :'app') where not exists (select 1 from pg_roles where rolname = :'app') \gexec
alter role :"owner" with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'owner_password';
alter role :"app" with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'app_password';
revoke :"owner" from :"app";
select format('create database %I owner %I', :'db', :'owner') where not exists (select 1 from pg_database where datname = :'db') \gexec
revoke all on database :"db" from public;
grant connect, temporary on database :"db" to :"app";
SQL
