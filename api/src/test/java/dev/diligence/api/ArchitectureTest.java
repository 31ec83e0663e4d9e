package dev.diligence.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The module graph of architecture.md, checked on the compiled classes of all modules. */
class ArchitectureTest {

    private static final int MAX_MAPPINGS = 10;
    private static final List<Class<? extends Annotation>> MAPPINGS =
            List.of(QueryMapping.class, MutationMapping.class, SchemaMapping.class, BatchMapping.class);

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

    /** A controller maps at most ten fields, so each stays one feature's part of the schema, easy to find. */
    @Test
    void noControllerMapsMoreThanTenFields() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .should(new ArchCondition<>("map at most " + MAX_MAPPINGS + " fields") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        long mappings = controller.getMethods().stream()
                                .filter(method -> MAPPINGS.stream().anyMatch(method::isAnnotatedWith))
                                .count();
                        if (mappings > MAX_MAPPINGS) {
                            events.add(SimpleConditionEvent.violated(
                                    controller, controller.getName() + " maps " + mappings + " fields"));
                        }
                    }
                })
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
