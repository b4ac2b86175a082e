package io.badgeflow.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.badgeflow.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class AdminDependencyRuleTests {

    @ArchTest
    static final ArchRule onlyAdaptersTouchTheAwsSdk = noClasses()
            .that().resideOutsideOfPackages("..aws..", "..s3..", "..dynamodb..", "..cognito..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("AWS SDK types belong in adapter packages; controllers talk to ports");
}
