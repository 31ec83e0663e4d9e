package dev.diligence.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: it may use the JDK, itself and JSpecify's nullness annotations, nothing else. */
class DomainPurityTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.diligence.domain");

    @Test
    void importsTheDomainButNotItsTests() {
        assertThat(DOMAIN.contain(Fund.class)).isTrue();
        assertThat(DOMAIN.contain(Tenant.class)).isTrue();
        assertThat(DOMAIN.contain(DomainPurityTest.class)).isFalse();
    }

    @Test
    void dependsOnlyOnTheJdkItselfAndJSpecify() {
        classes()
                .that()
                .resideInAPackage("dev.diligence.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.diligence.domain..", "org.jspecify..")
                .check(DOMAIN);
    }

    @Test
    void knowsNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("dev.diligence.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "javax.persistence..",
                        "org.hibernate..",
                        "graphql..",
                        "com.fasterxml.jackson..",
                        "tools.jackson..")
                .check(DOMAIN);
    }
}
