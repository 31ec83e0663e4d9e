package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link BreakingChanges}, on pairs of small schemas: the old one, then the new one. */
class BreakingChangesTest {

    private static final String BASE = """
            schema { query: Query mutation: Mutation }
            scalar Date
            "A node."
            interface Node { id: ID! }
            type Query {
              "A fund."
              fund(id: ID!, asOf: Date): Fund
              funds(first: Int = 20, filter: FundFilter): [Fund!]!
              search: SearchResult
            }
            type Mutation { createFund(input: CreateFundInput!): Fund }
            type Fund implements Node { id: ID! name: String! year: Int status: Status! tags: [String!] }
            type Company implements Node { id: ID! }
            union SearchResult = Fund | Company
            enum Status { ACTIVE ARCHIVED }
            input FundFilter { status: Status nameContains: String }
            input CreateFundInput { name: String! vintage: Int }
            """;

    private static List<String> changes(String from, String to, String... more) {
        String changed = BASE.replace(from, to);
        for (int i = 0; i + 1 < more.length; i += 2) {
            changed = changed.replace(more[i], more[i + 1]);
        }
        assertThat(changed).as("the test's edit applies").isNotEqualTo(BASE);
        return BreakingChanges.between(BASE, changed);
    }

    private static List<String> changesFrom(String oldFrom, String oldTo, String newFrom, String newTo) {
        return BreakingChanges.between(BASE.replace(oldFrom, oldTo), BASE.replace(newFrom, newTo));
    }

    /** The committed schema file parses, equals itself, and a field (with its description) removed from it shows. */
    @Test
    void worksOnTheCommittedSchemaFile() throws java.io.IOException {
        String file = java.nio.file.Files.readString(SchemaContract.file());
        assertThat(BreakingChanges.between(file, file)).isEmpty();
        String withoutVintageYear = file.replaceFirst("(?m)^  \"[^\"\\n]*\"\\n  vintageYear: Int!?\\n", "");
        assertThat(withoutVintageYear).isNotEqualTo(file);
        assertThat(BreakingChanges.between(file, withoutVintageYear))
                .singleElement()
                .asString()
                .endsWith(".vintageYear was removed without being deprecated first");
    }

    @Test
    void anUnchangedSchemaHasNoBreakingChanges() {
        assertThat(BreakingChanges.between(BASE, BASE)).isEmpty();
    }

    @Test
    void additionsAreNotBreaking() {
        assertThat(changes(
                        "type Company implements Node { id: ID! }",
                        "type Company implements Node { id: ID! name: String }\n\"New.\"\ntype Person { id: ID! }\nscalar URL",
                        "ACTIVE ARCHIVED",
                        "ACTIVE ARCHIVED DELETED",
                        "funds(first: Int = 20, filter: FundFilter)",
                        "funds(first: Int = 20, filter: FundFilter, last: Int, sort: Status! = ACTIVE)",
                        "input CreateFundInput { name: String! vintage: Int }",
                        "input CreateFundInput { name: String! vintage: Int notes: String size: Int! = 3 }",
                        "union SearchResult = Fund | Company",
                        "union SearchResult = Fund | Company | Person"))
                .isEmpty();
    }

    @Test
    void deprecatingIsNotBreaking() {
        assertThat(changes("year: Int status", "year: Int @deprecated(reason: \"Use vintage.\") status"))
                .isEmpty();
    }

    @Test
    void aRemovedTypeIsBreaking() {
        assertThat(changes("type Company implements Node { id: ID! }", "", "Fund | Company", "Fund"))
                .contains("type Company was removed");
        assertThat(changes("scalar Date", "", "asOf: Date", "asOf: String")).contains("type Date was removed");
    }

    @Test
    void aTypeOfAnotherKindIsBreaking() {
        assertThat(changes("type Company implements Node { id: ID! }", "interface Company implements Node { id: ID! }"))
                .containsExactly("type Company changed kind from object to interface");
    }

    @Test
    void aFieldRemovedWithoutDeprecationIsBreaking() {
        assertThat(changes(" year: Int", ""))
                .containsExactly("field Fund.year was removed without being deprecated first");
    }

    @Test
    void aFieldDeprecatedBeforeMayBeRemoved() {
        assertThat(changesFrom(" year: Int", " year: Int @deprecated(reason: \"Gone.\")", " year: Int", ""))
                .isEmpty();
    }

    @Test
    void anArgumentRemovedWithoutDeprecationIsBreaking() {
        assertThat(changes(", asOf: Date)", ")"))
                .containsExactly("argument Query.fund(asOf:) was removed without being deprecated first");
        assertThat(changesFrom(", asOf: Date)", ", asOf: Date @deprecated(reason: \"Gone.\"))", ", asOf: Date)", ")"))
                .isEmpty();
    }

    @Test
    void anEnumValueRemovedWithoutDeprecationIsBreaking() {
        assertThat(changes("ACTIVE ARCHIVED", "ACTIVE"))
                .containsExactly("enum value Status.ARCHIVED was removed without being deprecated first");
        assertThat(changesFrom("ACTIVE ARCHIVED", "ACTIVE ARCHIVED @deprecated", "ACTIVE ARCHIVED", "ACTIVE"))
                .isEmpty();
    }

    @Test
    void anInputFieldRemovedWithoutDeprecationIsBreaking() {
        assertThat(changes("status: Status nameContains", "nameContains"))
                .containsExactly("input field FundFilter.status was removed without being deprecated first");
        assertThat(changesFrom(
                        "status: Status nameContains",
                        "status: Status @deprecated nameContains",
                        "status: Status nameContains",
                        "nameContains"))
                .isEmpty();
    }

    @Test
    void anOutputFieldMayBecomeNonNullButNotNullable() {
        assertThat(changes("year: Int", "year: Int!", "tags: [String!]", "tags: [String!]!"))
                .isEmpty();
        assertThat(changes("name: String!", "name: String"))
                .containsExactly("field Fund.name changed type from String! to String");
        assertThat(changes("tags: [String!]", "tags: [String]"))
                .containsExactly("field Fund.tags changed type from [String!] to [String]");
    }

    @Test
    void anOutputFieldOfAnotherTypeIsBreaking() {
        assertThat(changes("year: Int", "year: String"))
                .containsExactly("field Fund.year changed type from Int to String");
        assertThat(changes("year: Int", "year: [Int]"))
                .containsExactly("field Fund.year changed type from Int to [Int]");
    }

    @Test
    void anArgumentOrInputFieldMayBecomeNullableButNotNonNull() {
        assertThat(changes(
                        "fund(id: ID!",
                        "fund(id: ID",
                        "input CreateFundInput { name: String!",
                        "input CreateFundInput { name: String"))
                .isEmpty();
        assertThat(changes("asOf: Date)", "asOf: Date!)"))
                .containsExactly("argument Query.fund(asOf:) changed type from Date to Date!");
        assertThat(changes("name: String! vintage: Int }", "name: String! vintage: Int! }"))
                .containsExactly("input field CreateFundInput.vintage changed type from Int to Int!");
        assertThat(changes("fund(id: ID!", "fund(id: String!"))
                .containsExactly("argument Query.fund(id:) changed type from ID! to String!");
    }

    @Test
    void aNewRequiredArgumentOrInputFieldIsBreaking() {
        assertThat(changes("search: SearchResult", "search(text: String!): SearchResult"))
                .containsExactly("new required argument Query.search(text:) (non-null without a default value)");
        assertThat(changes("name: String! vintage: Int }", "name: String! vintage: Int currency: String! }"))
                .containsExactly(
                        "new required input field CreateFundInput.currency (non-null without a default value)");
    }

    @Test
    void aRemovedDefaultThatMakesAnArgumentRequiredIsBreaking() {
        assertThat(changesFrom("first: Int = 20", "first: Int! = 20", "first: Int = 20", "first: Int!"))
                .containsExactly("argument Query.funds(first:) became required (its default value was removed)");
    }

    @Test
    void aUnionLosingAMemberOrATypeLosingAnInterfaceIsBreaking() {
        assertThat(changes("Fund | Company", "Fund")).containsExactly("union SearchResult no longer contains Company");
        assertThat(changes("type Company implements Node", "type Company"))
                .containsExactly("type Company no longer implements Node");
    }

    /**
     * A scalar's {@code @specifiedBy} names its wire format: naming one is fine, changing or dropping it
     * is breaking. A changed format without a changed URL is not visible in the SDL (README, "The schema
     * contract").
     */
    @Test
    void aScalarsSpecificationMayBeAddedButNotChangedOrRemoved() {
        String rfc3339 = "scalar Date @specifiedBy(url: \"https://www.rfc-editor.org/rfc/rfc3339\")";
        assertThat(changes("scalar Date", rfc3339)).isEmpty();
        assertThat(changesFrom(
                        "scalar Date",
                        rfc3339,
                        "scalar Date",
                        "scalar Date @specifiedBy(url: \"https://example.com/dates\")"))
                .containsExactly(
                        "scalar Date changed its @specifiedBy from https://www.rfc-editor.org/rfc/rfc3339 to https://example.com/dates");
        assertThat(changesFrom("scalar Date", rfc3339, "scalar Date", "scalar Date"))
                .containsExactly("scalar Date no longer has @specifiedBy https://www.rfc-editor.org/rfc/rfc3339");
    }
}
