#!/usr/bin/env bash
# Shows that .ci/tenant-filter-check.sh finds what it is meant to find: on a private cluster of its
# own (port 5497), the application role runs statements that filter by tenant_id, statements that
# do not, and a marked /* rls-proof */ one; the check must exit 1 and list exactly the ones that do
# not, and exempt exactly the marked one.
#   .ci/tenant-filter-check-selftest.sh   (needs PostgreSQL server binaries, like the check)
set -euo pipefail
cd "$(dirname "$0")/.."
export STATEMENTS_PG_PORT=5497 STATEMENTS_PG_WORK=/tmp/diligence-ci-filter-selftest
.ci/statements-postgres.sh start > /dev/null
trap '.ci/statements-postgres.sh stop' EXIT

admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5497 -U postgres "$@"; }
admin -d postgres -c 'create role diligence_test_app login' -c 'create database selftest'
admin -d selftest \
  -c 'create table funds (tenant_id uuid, id uuid, name text)' \
  -c 'create table holdings (tenant_id uuid, id uuid, fund_id uuid)' \
  -c 'create table tenants (id uuid, key text)' \
  -c 'grant select, insert, update, delete on funds, holdings, tenants to diligence_test_app'

T="'00000000-0000-0000-0000-00000000000a'"
app=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5497 -U diligence_test_app -d selftest)
# filter by tenant (or name no tenant table): none of these may be listed
"${app[@]}" \
  -c "select id from funds where tenant_id = $T and id = gen_random_uuid()" \
  -c "select f.id from funds f join holdings h on h.tenant_id = f.tenant_id and h.fund_id = f.id where f.tenant_id = $T" \
  -c "update funds set name = 'x' where tenant_id in ($T) and id = gen_random_uuid()" \
  -c "delete from holdings where $T = tenant_id" \
  -c "insert into funds (tenant_id, id, name) values ($T, gen_random_uuid(), 'x')" \
  -c "select count(*) from tenants where key = 'a'" \
  -c "select set_config('app.tenant_id', $T, true)" > /dev/null
# do not filter by tenant: each must be listed
"${app[@]}" \
  -c "select id from funds where id = gen_random_uuid()" \
  -c "select f.id from funds f join holdings h on h.tenant_id = f.tenant_id" \
  -c "select f.id from funds f join holdings h on h.fund_id = f.id where f.tenant_id = $T" \
  -c "update funds set tenant_id = $T where id = gen_random_uuid()" \
  -c "insert into holdings (id, fund_id) values (gen_random_uuid(), gen_random_uuid())" \
  -c "select tenant_id from funds" > /dev/null
# deliberate: exempted and counted
"${app[@]}" -c "/* rls-proof */ select count(*) from holdings" > /dev/null

if output=$(.ci/tenant-filter-check.sh 127.0.0.1 5497); then
  echo "$output"; echo "FAIL: the check passed statements without tenant_id" >&2; exit 1
fi
listed=$(grep -c '^   \[' <<< "$output" || true)
offenders=$(sed -n 's/^== without tenant_id, offenders: //p' <<< "$output")
exempted=$(sed -n 's/^== without tenant_id, exempted as .*: \([0-9]*\) .*/\1/p' <<< "$output")
if [ "$offenders" != 6 ] || [ "$exempted" != 1 ] || [ "$listed" != 7 ]; then
  echo "$output"; echo "FAIL: expected 6 offenders and 1 exemption" >&2; exit 1
fi
echo "$output"
echo "tenant filter check self-test: 6 offenders found, 1 exempted, 7 filtered or tenant-free statements passed"
