// GraphQL Code Generator configuration for typed clients of the Diligence API: `npm run codegen`.
// It reads the committed schema contract (schema/schema.graphql, the whole served schema, checked
// against the server by ServedSchemaIT) and the operations written with `graphql(...)` in src/, and
// writes their result and variable types and TypedDocumentNodes to src/gql/ (generated, not committed).
// To use it in another project, copy this file and change `documents` and the output folder.
import type { CodegenConfig } from '@graphql-codegen/cli';

// How each scalar of the schema is typed, from its wire format (README "Scalars", and each scalar's
// description and @specifiedBy in the schema). `input` is what a client may send in variables,
// `output` what the API answers. With `strictScalars` a scalar missing here fails the generation, so
// a new scalar in the schema cannot silently become `unknown`.
const scalars = {
  // Opaque global IDs (`node(id:)`): strings; never parse them.
  ID: { input: 'string', output: 'string' },
  // An exact decimal as a JSON string in plain notation with its scale, e.g. "999999999999999.99" or
  // "2.7500000000"; never an exponent. Read it with a decimal library, not as a float. Accepted as
  // such a string or as a JSON number (a JavaScript number loses digits beyond 2^53: send strings).
  Decimal: { input: 'string | number', output: 'string' },
  // RFC 3339 date-time with an offset, e.g. "2026-11-26T09:30:00Z".
  DateTime: { input: 'string', output: 'string' },
  // RFC 3339 full-date, e.g. "2026-11-26".
  Date: { input: 'string', output: 'string' },
  // ISO 4217 alphabetic code, e.g. "EUR" (any string is accepted; mutations check it).
  CurrencyCode: { input: 'string', output: 'string' },
  // ISO 3166-1 alpha-2 code, e.g. "DE" (any string is accepted; mutations check it).
  CountryCode: { input: 'string', output: 'string' },
  // An absolute http or https URL, e.g. "https://example.com/about" (mutations check it).
  URL: { input: 'string', output: 'string' },
  // Any JSON value as itself; decimals inside it are strings as Decimal's.
  JSON: {
    input: 'string | number | boolean | null | readonly unknown[] | { readonly [key: string]: unknown }',
    output: 'string | number | boolean | null | unknown[] | { [key: string]: unknown }',
  },
};

const config: CodegenConfig = {
  schema: '../../schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  // no operations found is a mistake in `documents`, not an empty client
  ignoreNoDocuments: false,
  // imports between the generated files end in `.js`, as Node's ES modules need
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // operations select what they print; fragment masking would hide fields behind useFragment()
        fragmentMasking: false,
      },
      config: {
        scalars,
        strictScalars: true,
        // enums as unions of string literals (no runtime enum objects), plus '%future added value'
        // on answers: the API may add an enum value without breaking its contract, so a client must
        // handle one it does not know yet
        enumType: 'string-literal',
        futureProofEnums: true,
        useTypeImports: true,
        // no __typename added to every selection: only where an operation asks for it
        skipTypename: true,
      },
    },
  },
};

export default config;
