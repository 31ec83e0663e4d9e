#!/usr/bin/env bash
# Proves from pg_stat_statements that every statement the application role ran on a tenant-owned
# table said which tenant: after the integration tests ran against a server with pg_stat_statements
# loaded (.ci/statements-postgres.sh), it lists the application role's statements, in any database,
# that name a tenant table and do not filter by tenant_id, and exits 1 if there is any.
#   .ci/tenant-filter-check.sh [host] [port]   (defaults 127.0.0.1 5498; superuser postgres, trust auth)
#
# Tenant tables: the tables with a tenant_id column in a scratch database migrated with the
# project's migrations. tenants, the registry keyed by its own id, and the framework_* reference
# tables have none, so statements on them alone are not checked; nor are SET, set_config and other
# statements naming no tenant table. framework_versions, which holds the platform's versions and
# each tenant's derived ones, has a tenant_id column and is checked.
# pg_stat_statements records statements that completed: one that failed is not seen here.
#
# A statement naming a tenant table passes when
#   - each INSERT INTO or COPY of a tenant table lists tenant_id among its columns, and
#   - if it names a tenant table otherwise (select, update, delete, merge, a join), it filters
#     by tenant: after a WHERE or ON, tenant_id = (or in, or is null) something other than another
#     tenant_id column. A join on tenant_id alone reads every tenant, and an UPDATE's
#     SET tenant_id = ... filters nothing, so neither counts.
#   - it has at least as many tenant_id predicates (tenant_id = ..., in ..., is null, a join's
#     a.tenant_id = b.tenant_id) as it has FROM, JOIN and UPDATE of tenant tables, so that a
#     second tenant table joined without its tenant_id shows. Which predicate belongs to which
#     table is not parsed: a statement giving one table two and another none passes.
# Tests that deliberately run a statement without tenant_id as the application role, to prove that
# row-level security alone holds, mark it with the comment /* rls-proof */; such statements are
# counted and exempted, nothing else is. pg_stat_statements keeps one text per statement shape and
# database (constants and comments aside), the first one sent, so a marked test statement and an
# unmarked one of the same shape in the same test database are one entry.
set -euo pipefail
HOST=${1:-127.0.0.1}
PORT=${2:-5498}
APP_ROLE=diligence_test_app
MIGRATIONS=$(cd "$(dirname "$0")/.." && pwd)/persistence/src/main/resources/db/migration
SCRATCH=tenant_filter_check_$$
VERDICTS=$(mktemp)

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U postgres "$@"; }

# The tenant tables, from the catalog of a database migrated in version order (Flyway's only
# placeholder in the migrations is ${app_role})
psql_admin -d postgres -c "create database $SCRATCH"
trap 'rm -f "$VERDICTS"; psql_admin -d postgres -c "drop database if exists $SCRATCH" > /dev/null' EXIT
for migration in $(ls "$MIGRATIONS"/V*__*.sql | sort -V); do
  sed "s/\${app_role}/$APP_ROLE/g" "$migration" | psql_admin -d "$SCRATCH" --single-transaction -f - > /dev/null
done
TENANT_TABLES=$(psql_admin -d "$SCRATCH" -At -c "
  select string_agg(c.relname, ' ' order by c.relname)
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p')
    and exists (select 1 from pg_attribute a
                where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)")
[ -n "$TENANT_TABLES" ] || { echo "no tables with a tenant_id column after the migrations" >&2; exit 2; }
echo "== tenant tables ($(wc -w <<< "$TENANT_TABLES")): $TENANT_TABLES"

psql_admin -d postgres -At -F $'\t' -v app_role="$APP_ROLE" -v tables="$TENANT_TABLES" > "$VERDICTS" <<'SQL'
with tenant_table as (
    select unnest(string_to_array(:'tables', ' ')) as name
), statement as (
    select s.queryid, s.dbid, s.calls, s.query, lower(s.query) as text
    from pg_stat_statements s
    where s.userid = :'app_role'::regrole and s.toplevel
), named as (
    -- each tenant table a statement names, and whether it names it other than as an INSERT or COPY target
    select s.queryid, s.dbid, t.name,
           s.text ~ ('(\minsert\s+into|\mcopy)\s+(public\.)?' || t.name || '\M') as written,
           s.text ~ ('(\minsert\s+into|\mcopy)\s+(public\.)?' || t.name || '\s*\([^)]*\mtenant_id\M')
               as written_with_tenant,
           (select count(*) from regexp_matches(s.text, '\m' || t.name || '\M', 'g'))
             > (select count(*) from regexp_matches(s.text,
                    '(\minsert\s+into|\mcopy)\s+(public\.)?' || t.name || '\M', 'g')) as read,
           (select count(*) from regexp_matches(s.text,
                '\m(from|join|update)\s+(only\s+)?(public\.)?' || t.name || '\M', 'g')) as scans
    from statement s
    join tenant_table t on s.text ~ ('\m' || t.name || '\M')
), judged as (
    select s.queryid, s.dbid, s.calls, s.query,
           string_agg(n.name, ',' order by n.name) as tables,
           bool_and(not n.written or n.written_with_tenant)
             and (not bool_or(n.read)
                  or s.text ~ ('\m(where|on)\M.*('
                                 || '\mtenant_id\s*=(?!\s*([a-z_]+\.)?tenant_id\M)'
                                 || '|\mtenant_id\s+(in\s*\(|is\s+null\M)'
                                 || '|(\$[0-9]+|''[^'']*'')\s*=\s*([a-z_]+\.)?tenant_id\M)'))
             and sum(n.scans) <= (select count(*) from regexp_matches(s.text,
                     '\mtenant_id\s*(=|in\M|is\s+null\M)|(\$[0-9]+|''[^'']*'')\s*=\s*([a-z_]+\.)?tenant_id\M', 'g'))
               as filtered,
           s.query ~ '/\*\s*rls-proof\s*\*/' as marked
    from statement s
    join named n using (queryid, dbid)
    group by s.queryid, s.dbid, s.calls, s.query, s.text
)
select 'seen', count(*)::text, coalesce(sum(calls), 0)::text from statement
union all
select 'tenant', count(*)::text, coalesce(sum(calls), 0)::text from judged
union all
select 'exempted', count(*)::text, coalesce(sum(calls), 0)::text from judged where not filtered and marked
union all
select 'offender', tables, regexp_replace(query, '\s+', ' ', 'g') from judged where not filtered and not marked
union all
select 'exempt', tables, regexp_replace(query, '\s+', ' ', 'g') from judged where not filtered and marked
SQL

field() { awk -F'\t' -v kind="$1" -v column="$2" '$1 == kind { print $column }' "$VERDICTS"; }
OFFENDERS=$(field offender 1 | wc -l)
echo "== statements of $APP_ROLE in pg_stat_statements: $(field seen 2) ($(field seen 3) calls)"
echo "== naming a tenant table: $(field tenant 2) ($(field tenant 3) calls)"
echo "== without tenant_id, exempted as /* rls-proof */: $(field exempted 2) ($(field exempted 3) calls)"
awk -F'\t' '$1 == "exempt" { print "   [" $2 "] " $3 }' "$VERDICTS"
echo "== without tenant_id, offenders: $OFFENDERS"
awk -F'\t' '$1 == "offender" { print "   [" $2 "] " $3 }' "$VERDICTS"
[ "$OFFENDERS" -eq 0 ]
