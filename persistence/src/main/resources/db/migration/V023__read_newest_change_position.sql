-- The newest position the change feed has handed out, for the operators' metric
-- diligence_changes_newest_position (with the positions readers have reached, it shows how far
-- behind they are). The application role has no privilege on the sequence (positions are taken only
-- by the commit trigger), so this definer function reads it: one number over all firms, no row of
-- any firm. It answers null until the first position was handed out.
create function changes_newest_position() returns bigint
    language sql
    stable
    security definer
    set search_path = pg_catalog, public, pg_temp
as $$
    select pg_sequence_last_value('public.changes_position_seq'::regclass)
$$;

revoke all on function changes_newest_position() from public;
grant execute on function changes_newest_position() to ${app_role};
