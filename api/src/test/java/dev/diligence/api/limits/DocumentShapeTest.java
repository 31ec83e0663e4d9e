package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DocumentShapeTest {

    @Test
    void depthCountsFieldsFromTheRootToTheDeepestLeaf() {
        assertThat(shape("{ viewer { subject } }").depth()).isEqualTo(2);
        assertThat(shape("{ funds { nodes { holdings { nodes { company { externalReferences { source } } } } } } }")
                        .depth())
                .isEqualTo(7);
    }

    @Test
    void depthGoesThroughFragments() {
        assertThat(shape("""
                { funds { ...page } }
                fragment page on FundConnection { nodes { ... on Fund { holdings { nodes { company { name } } } } } }""").depth()).isEqualTo(6);
    }

    @Test
    void introspectionDoesNotCountForDepth() {
        assertThat(shape(IntrospectionQuery.INTROSPECTION_QUERY).depth()).isZero();
        assertThat(shape("{ __typename viewer { __typename } }").depth()).isEqualTo(2);
    }

    @Test
    void aliasesCountAtEveryPlaceTheirFragmentSpreads() {
        DocumentShape shape = shape("""
                { a: funds { ...names } b: funds { ...names } companies { c: totalCount } }
                fragment names on FundConnection { x: nodes { y: name } }""");
        assertThat(shape.aliases()).isEqualTo(2 + 2 * 2 + 1);
    }

    @Test
    void theWorstOperationCounts() {
        DocumentShape shape = shape("""
                query Small { a: viewer { subject } }
                query Large { a: viewer { subject } b: viewer { subject } c: funds { totalCount } }""");
        assertThat(shape.aliases()).isEqualTo(3);
        assertThat(shape.rootFields()).isEqualTo(3);
    }

    @Test
    void rootFieldsCountThroughFragmentsButNotTypename() {
        assertThat(shape("""
                { __typename viewer { subject } ...roots ... on Query { companies { totalCount } } }
                fragment roots on Query { funds { totalCount } tenants { key } }""").rootFields()).isEqualTo(4);
    }

    @Test
    void fieldRepeatsCountEachResponseKeyOfOneSelectionSet() {
        assertThat(shape("{ viewer { subject subject __typename __typename __typename } }")
                        .fieldRepeats())
                .isEqualTo(3);
        assertThat(shape("{ __typename __typename viewer { subject } }").fieldRepeats())
                .isEqualTo(2);
        assertThat(shape("{ viewer { a: subject b: subject subject } }").fieldRepeats())
                .isEqualTo(1);
        assertThat(shape("{ viewer { a: subject a: name } }").fieldRepeats()).isEqualTo(2);
    }

    @Test
    void fieldRepeatsMergeFragmentsIntoTheSetTheySpreadInto() {
        assertThat(shape("""
                { viewer { subject ...twice ... on Viewer { subject ...twice } } }
                fragment twice on Viewer { subject subject }""").fieldRepeats()).isEqualTo(1 + 2 + 1 + 2);
    }

    @Test
    void fieldRepeatsCountInEverySelectionSetAtAnyDepth() {
        assertThat(shape("{ viewer { subject } funds { nodes { name name name } } }")
                        .fieldRepeats())
                .isEqualTo(3);
        assertThat(shape("""
                { funds { ...page } }
                fragment page on FundConnection { totalCount nodes { ... on Fund { name name } name } }""").fieldRepeats()).isEqualTo(3);
    }

    @Test
    @Timeout(5)
    void fieldRepeatsOfFragmentsThatSpreadEachOtherManyTimesAreCountedOnce() {
        StringBuilder document = new StringBuilder("{ viewer { ...f0 } }\n");
        for (int i = 0; i < 70; i++) {
            document.append("fragment f%d on Viewer { subject ...f%d ...f%d }\n".formatted(i, i + 1, i + 1));
        }
        document.append("fragment f70 on Viewer { subject }\n");
        assertThat(shape(document.toString()).fieldRepeats()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void directivesCountPerField() {
        DocumentShape shape = shape("""
                query($yes: Boolean!) { viewer @include(if: $yes) @skip(if: false) { subject @include(if: true) } ...f @include(if: $yes) }
                fragment f on Query { funds @skip(if: false) @include(if: true) @skip(if: true) { totalCount } }""");
        assertThat(shape.maxDirectives()).isEqualTo(3);
    }

    @Test
    @Timeout(5)
    void fragmentsThatSpreadEachOtherManyTimesAreMeasuredOnce() {
        StringBuilder document = new StringBuilder("{ viewer { ...f0 } }\n");
        for (int i = 0; i < 70; i++) {
            document.append("fragment f%d on Viewer { a: subject ...f%d ...f%d }\n".formatted(i, i + 1, i + 1));
        }
        document.append("fragment f70 on Viewer { a: subject }\n");
        DocumentShape shape = shape(document.toString());
        assertThat(shape.aliases()).isEqualTo(Long.MAX_VALUE);
        assertThat(shape.depth()).isEqualTo(2);
    }

    @Test
    void fragmentCyclesEndTheWalk() {
        DocumentShape shape = shape("""
                { viewer { ...a } }
                fragment a on Viewer { x: subject ...b }
                fragment b on Viewer { y: name ...a }""");
        assertThat(shape.aliases()).isEqualTo(2);
        assertThat(shape.depth()).isEqualTo(2);
        assertThat(shape.fieldRepeats()).isEqualTo(1);
    }

    private static DocumentShape shape(String document) {
        return DocumentShape.of(Parser.parse(document));
    }
}
