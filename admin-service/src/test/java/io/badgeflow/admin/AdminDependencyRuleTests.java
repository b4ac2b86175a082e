package io.badgeflow.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@AnalyzeClasses(packages = "io.badgeflow.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class AdminDependencyRuleTests {

    @ArchTest
    static final ArchRule onlyAdaptersTouchTheAwsSdk = noClasses()
            .that()
            .resideOutsideOfPackages("..aws..", "..s3..", "..dynamodb..", "..cognito..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon.awssdk..", "io.awspring.cloud..")
            .because("AWS SDK and Spring Cloud AWS types belong in adapter packages; controllers talk to ports");

    @ArchTest
    static final ArchRule everyHandlerDeclaresWhoMayCallIt = methods()
            .that()
            .areAnnotatedWith(GetMapping.class)
            .or()
            .areAnnotatedWith(PostMapping.class)
            .or()
            .areAnnotatedWith(PutMapping.class)
            .or()
            .areAnnotatedWith(DeleteMapping.class)
            .or()
            .areAnnotatedWith(PatchMapping.class)
            .or()
            .areAnnotatedWith(RequestMapping.class)
            .should()
            .beAnnotatedWith(PreAuthorize.class)
            .because(
                    "the filter chain only checks for a token; the role check lives on the handler and must not be forgotten");
}
