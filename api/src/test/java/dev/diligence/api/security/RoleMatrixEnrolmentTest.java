package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.operation.ApiOperation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every operation of the registry is tried by a role-matrix test: the cases are the constants of
 * every enum in the tests that implements {@link MatrixOperation}, found by scanning, so a new
 * matrix test enrols itself and a new operation without a case fails here.
 */
class RoleMatrixEnrolmentTest {

    @Test
    void everyRegisteredOperationIsTriedByARoleMatrixTest() {
        Set<ApiOperation> enrolled = EnumSet.noneOf(ApiOperation.class);
        matrixCaseTypes()
                .forEach(type -> Arrays.stream(type.getEnumConstants())
                        .map(MatrixOperation::operation)
                        .forEach(enrolled::add));

        Set<ApiOperation> missing = EnumSet.allOf(ApiOperation.class);
        missing.removeAll(enrolled);
        assertThat(missing)
                .as("operations of the registry that no role-matrix test tries")
                .isEmpty();
    }

    @Test
    void theMatrixCasesAreFound() {
        assertThat(matrixCaseTypes())
                .extracting(type -> type.getDeclaringClass().getSimpleName())
                .containsExactlyInAnyOrder(
                        "RoleMatrixIT",
                        "AssessmentRoleMatrixIT",
                        "CompanyHoldingRoleMatrixIT",
                        "FrameworkRoleMatrixIT",
                        "PortfolioRoleMatrixIT",
                        "SyncRoleMatrixIT",
                        "ChangeFeedRoleMatrixIT");
    }

    private static Set<Class<? extends MatrixOperation>> matrixCaseTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(MatrixOperation.class));
        Set<Class<? extends MatrixOperation>> types = new LinkedHashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.diligence.api")) {
            Class<?> type = ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), RoleMatrixEnrolmentTest.class.getClassLoader());
            if (type.isEnum()) {
                types.add(type.asSubclass(MatrixOperation.class));
            }
        }
        return types;
    }
}
