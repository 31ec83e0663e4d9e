// graphql-schema-linter's configuration for the schema contract; run it with `npm ci && npm run lint`
// in this folder (.ci/run does). No `rules`: every built-in rule runs, the linter's defaults. No
// `ignore` and no `rulesOptions`: nothing is suppressed or relaxed. Any finding makes the linter exit
// 1 (an unreadable schema or configuration, 2), which fails .ci/run.
module.exports = {
  schemaPaths: ['schema.graphql'],
};
