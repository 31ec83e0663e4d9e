-- The rate-limit buckets that API replicas share (diligence.limits.budget-store.type=postgresql):
-- one row per caller, written only by Bucket4j's PostgreSQL backend, which locks the row
-- (SELECT ... FOR UPDATE) for each exchange, so concurrent replicas never both spend the same points.
-- A single replica keeps its buckets in memory and never touches this table.
--
-- Not tenant-owned data: `id` is '<firm key>/<token subject>' (firm keys have no '/'; platform
-- administrators have the empty firm), `state` Bucket4j's serialised bucket, `expires_at` (epoch
-- milliseconds) when an untouched bucket would be full again, after which a row is purged and the
-- caller starts anew with a full bucket. Nothing here reveals another firm's data, and a caller can
-- only reach the row of its own verified token, so no row-level security applies; the table
-- stays outside the tenant tables (no tenant_id) and is a plain table under distribution too.
create table rate_buckets (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);

create index rate_buckets_expires_at on rate_buckets (expires_at);

grant select, insert, update, delete on rate_buckets to ${app_role};
