package io.badgeflow.accessstream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Component;

@AnalyzeClasses(packages = "io.badgeflow.accessstream", importOptions = ImportOption.DoNotIncludeTests.class)
class AccessStreamDependencyRuleTests {

    @ArchTest
    static final ArchRule onlyAdaptersTouchTheAwsSdkOrKcl = noClasses()
            .that()
            .resideOutsideOfPackages("io.badgeflow.accessstream.aws..", "io.badgeflow.accessstream.kinesis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon.awssdk..", "software.amazon.kinesis..", "io.awspring.cloud..")
            .because("AWS SDK, Spring Cloud AWS and KCL types belong in the adapter packages; features talk to the"
                    + " model's ports");

    @ArchTest
    static final ArchRule featuresDoNotDependOnAdapters = noClasses()
            .that()
            .resideInAnyPackage("..accessstream.swipe..", "..accessstream.stream..", "..accessstream.simulator..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..accessstream.aws..", "..accessstream.kinesis..")
            .because("adapters plug into features, not the other way round");

    @ArchTest
    static final ArchRule controllersAndAdaptersArePackagePrivate = classes()
            .that()
            .resideInAnyPackage(
                    "..accessstream.swipe..",
                    "..accessstream.kinesis..",
                    "..accessstream.aws..",
                    "..accessstream.simulator..")
            .and()
            .areMetaAnnotatedWith(Component.class)
            .should()
            .notBePublic()
            .because("controllers, adapters and their wiring are reached through the ports they implement");
}
