-- The maturity framework's platform versions: the same for every tenant, written only by migrations,
-- never changed once published (scores stay valid under the version that produced them). Platform
-- data, so no tenant_id; the application only reads it. Weights are exact decimals (4 places).
create table framework_versions (
    version         integer primary key check (version > 0),
    red_flag_rules  text    not null
);

create table framework_dimensions (
    version  integer      not null references framework_versions (version),
    code     text         not null check (code ~ '^D[1-9][0-9]*$'),
    position integer      not null,
    name     text         not null,
    weight   numeric(5, 4) not null check (weight > 0 and weight <= 1),
    primary key (version, code),
    unique (version, position)
);

create table framework_criteria (
    version        integer      not null,
    dimension_code text         not null,
    code           text         not null check (code ~ '^C[1-9][0-9]*\.[1-9][0-9]*$'),
    position       integer      not null,
    name           text         not null,
    weight         numeric(5, 4) not null check (weight > 0 and weight <= 1),
    -- what the criterion looks like at levels 0 to 4, in order
    descriptors    text[]       not null check (cardinality(descriptors) = 5),
    primary key (version, code),
    unique (version, dimension_code, position),
    foreign key (version, dimension_code) references framework_dimensions (version, code)
);

create table framework_criterion_references (
    version       integer not null,
    criterion_code text   not null,
    position      integer not null,
    standard      text    not null check (standard in ('NIST_AI_RMF', 'EU_AI_ACT', 'ISO_IEC_42001')),
    clause        text    not null,
    primary key (version, criterion_code, position),
    foreign key (version, criterion_code) references framework_criteria (version, code)
);

grant select on framework_versions, framework_dimensions, framework_criteria, framework_criterion_references to ${app_role};
