package dev.diligence.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/** The module graph of architecture.md, checked on the compiled classes of all modules. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.diligence");

    @Test
    void theDomainDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.diligence.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.diligence.persistence..", "dev.diligence.api..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheApiDependsOnTheApi() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.diligence.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.diligence.api..")
                .check(CLASSES);
    }

    @Test
    void controllersGoThroughApplicationServices() {
        DescribedPredicate<JavaClass> domainPorts = new DescribedPredicate<>("are domain ports") {
            @Override
            public boolean test(JavaClass type) {
                return type.isInterface() && type.getPackageName().startsWith("dev.diligence.domain");
            }
        };
        noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat(domainPorts)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("dev.diligence.persistence..")
                .because("authorization and transactions live in the application services")
                .check(CLASSES);
    }

    @Test
    void theModulesArePackagedByFeature() {
        classes()
                .that()
                .resideInAPackage("dev.diligence..")
                .should()
                .resideInAnyPackage("dev.diligence.api..", "dev.diligence.persistence..", "dev.diligence.domain..")
                .check(CLASSES);
    }
}
