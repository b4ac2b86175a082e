package io.badgeflow.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.badgeflow.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelDependencyRuleTests {

    @ArchTest
    static final ArchRule theModelKnowsNoFramework = noClasses()
            .that()
            .resideInAPackage("io.badgeflow.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "software.amazon..",
                    "com.amazonaws..",
                    "io.awspring..",
                    "com.fasterxml.jackson.databind..",
                    "tools.jackson..")
            .because("the domain stays plain Java; adapters live in the deployables and access-aws");
}
