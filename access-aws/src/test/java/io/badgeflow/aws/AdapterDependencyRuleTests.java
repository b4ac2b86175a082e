package io.badgeflow.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.badgeflow.aws", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterDependencyRuleTests {

    @ArchTest
    static final ArchRule onlyTheStoreAdaptersTouchTheAwsSdk = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "io.badgeflow.aws.dynamodb..",
                    "io.badgeflow.aws.archive..",
                    "io.badgeflow.aws.outage..",
                    "io.badgeflow.aws.webhook..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..")
            .because(
                    "the JSON codec is shared by every adapter and must not pull in a client; only the store adapters (webhook subscriptions and their KMS cipher among them) and the outage classifier know AWS types");

    @ArchTest
    static final ArchRule noSpringInTheSharedAdapters = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the deployables wire these adapters; the adapters stay framework-free");
}
