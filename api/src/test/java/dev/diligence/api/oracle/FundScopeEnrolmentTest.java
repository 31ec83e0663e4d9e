package dev.diligence.api.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.access.FundScopeProof;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.operation.ApiOperation.FundRule;
import dev.diligence.api.support.ProductSchema;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every operation the registry narrows to the caller's granted funds ({@link FundRule#GRANTED_FUNDS})
 * is proven narrowed, so a new one fails here until it is: the existence oracle's fund-scoped manager
 * probes each one that takes an ID (an object outside the grants answers like one that does not
 * exist), and a test marked {@link FundScopeProof} proves each one that lists (a list holds only what
 * the grants reach).
 */
class FundScopeEnrolmentTest {

    @Test
    void everyOperationNarrowedToGrantedFundsIsProvenNarrowed() {
        Set<ApiOperation> narrowed = EnumSet.noneOf(ApiOperation.class);
        Arrays.stream(ApiOperation.values())
                .filter(operation -> operation.fundRule() == FundRule.GRANTED_FUNDS)
                .forEach(narrowed::add);
        Set<ApiOperation> probed = EnumSet.noneOf(ApiOperation.class);
        Arrays.stream(OracleSlot.values())
                .filter(OracleCaller.FUND_MANAGER::mayCall)
                .map(OracleSlot::operation)
                .forEach(probed::add);
        Set<ApiOperation> proven = markedProofs();

        Set<ApiOperation> unproven = EnumSet.copyOf(narrowed);
        unproven.removeAll(probed);
        unproven.removeAll(proven);
        assertThat(unproven)
                .as(
                        "operations narrowed to granted funds that neither the oracle probes nor a @FundScopeProof test proves")
                .isEmpty();

        Set<ApiOperation> unprovenLists = EnumSet.noneOf(ApiOperation.class);
        narrowed.stream().filter(FundScopeEnrolmentTest::lists).forEach(unprovenLists::add);
        unprovenLists.removeAll(proven);
        assertThat(unprovenLists)
                .as("lists narrowed to granted funds that no @FundScopeProof test proves")
                .isEmpty();
    }

    @Test
    void theMarksNameOnlyNarrowedOperations() {
        assertThat(markedProofs())
                .contains(ApiOperation.FUNDS, ApiOperation.COMPANIES, ApiOperation.FINDINGS)
                .allSatisfy(operation -> assertThat(operation.fundRule()).isEqualTo(FundRule.GRANTED_FUNDS));
    }

    /** Whether the operation answers a page of a list (a connection). */
    private static boolean lists(ApiOperation operation) {
        GraphQLFieldDefinition field = operation.kind() == ApiOperation.Kind.QUERY
                ? ProductSchema.SCHEMA.getQueryType().getFieldDefinition(operation.field())
                : ProductSchema.SCHEMA.getMutationType().getFieldDefinition(operation.field());
        return ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType()))
                .getName()
                .endsWith("Connection");
    }

    /** The operations named by {@link FundScopeProof} on the methods of every integration test. */
    private static Set<ApiOperation> markedProofs() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*IT")));
        Set<ApiOperation> proven = EnumSet.noneOf(ApiOperation.class);
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.diligence.api")) {
            Class<?> type = ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), FundScopeEnrolmentTest.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                FundScopeProof proof = method.getAnnotation(FundScopeProof.class);
                if (proof != null) {
                    proven.addAll(Arrays.asList(proof.value()));
                }
            }
        }
        return proven;
    }
}
