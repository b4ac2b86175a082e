package io.badgeflow.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    // Each top-level package (access, door, command, ...) is one slice, its subpackages included.
    @ArchTest
    static final ArchRule theModelPackagesAreFreeOfCycles = slices().matching("io.badgeflow.model.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a package is understood, tested and changed on its own only if what it uses does not use it"
                    + " back: the entities and values sit below the rules, commands and ports that use them");

    // The slices above leave the root package out; it holds what every package shares, so it must need none.
    @ArchTest
    static final ArchRule theRootPackageDependsOnNoSubpackage = noClasses()
            .that()
            .resideInAPackage("io.badgeflow.model")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.badgeflow.model.*..")
            .because("the shared validation and rejection types sit below every package of the model");
}
