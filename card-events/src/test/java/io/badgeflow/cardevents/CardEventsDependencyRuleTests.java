package io.badgeflow.cardevents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.badgeflow.cardevents", importOptions = ImportOption.DoNotIncludeTests.class)
class CardEventsDependencyRuleTests {

    @ArchTest
    static final ArchRule onlyAdaptersTouchTheAwsSdk = noClasses()
            .that()
            .resideOutsideOfPackages("..aws..", "..sqs..", "..s3..", "..dynamodb..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon.awssdk..", "io.awspring.cloud..")
            .because("AWS SDK and Spring Cloud AWS types belong in adapter packages; the rest talks to ports");
}
