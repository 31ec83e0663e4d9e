-- Tenant keys are ASCII slugs: compare them byte by byte, whatever the database's default collation,
-- so listings by key have one order everywhere (a linguistic collation may ignore hyphens).
alter table tenants alter column key type text collate "C";
