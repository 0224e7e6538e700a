package io.reelflow.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests for the module layering in ARCHITECTURE.md: operators know only ports, never Kafka, JDBC,
 * S3 clients or connectors; arrows between modules point one way; and no test uses JUnit 4.
 */
class ArchitectureTest {
    private static final List<String> MODULES =
            List.of(
                    "schemas",
                    "fonts",
                    "operators",
                    "connectors",
                    "embedded-services",
                    "reference-sidecar",
                    "pipeline-job",
                    "cli",
                    "integration-tests");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.reelflow");
    }

    @Test
    void shouldImportEveryModule() {
        assertThat(production.stream().map(c -> c.getPackageName()).distinct())
                .contains(
                        "io.reelflow.schemas",
                        "io.reelflow.operators.plan",
                        "io.reelflow.connectors.kafka",
                        "io.reelflow.embedded",
                        "io.reelflow.sidecar",
                        "io.reelflow.job",
                        "io.reelflow.cli");
    }

    @Test
    void operatorsShouldOnlyKnowTheirPorts() {
        noClasses()
                .that()
                .resideInAPackage("io.reelflow.operators..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.reelflow.connectors..",
                        "io.reelflow.job..",
                        "io.reelflow.embedded..",
                        "io.reelflow.sidecar..",
                        "org.apache.kafka..",
                        "org.apache.flink.connector.kafka..",
                        "org.apache.flink.connector.jdbc..",
                        "software.amazon.awssdk..",
                        "java.net.http..",
                        "java.sql..")
                .because("stages reach the outside world through the ports in operators.port")
                .check(production);
    }

    @Test
    void schemasShouldDependOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("io.reelflow.schemas..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.reelflow.operators..",
                        "io.reelflow.connectors..",
                        "io.reelflow.job..",
                        "org.apache.flink..")
                .check(production);
    }

    @Test
    void connectorsShouldNotDependOnTheJob() {
        noClasses()
                .that()
                .resideInAPackage("io.reelflow.connectors..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.reelflow.job..", "io.reelflow.embedded..", "io.reelflow.sidecar..")
                .check(production);
    }

    @Test
    void theJobShouldNotDependOnTheCommandLineOrTheLocalServices() {
        // The job jar holds the job alone: the CLI and local mode depend on it, not the reverse.
        noClasses()
                .that()
                .resideInAPackage("io.reelflow.job..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.reelflow.cli..", "io.reelflow.embedded..", "io.reelflow.sidecar..")
                .check(production);
    }

    @Test
    void noTestShouldUseJUnit4() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> testClassDirs =
                MODULES.stream()
                        .map(module -> root.resolve(module).resolve("target/test-classes"))
                        .filter(Files::isDirectory)
                        .collect(Collectors.toList());
        assertThat(testClassDirs)
                .as("test classes of the modules (build the whole reactor)")
                .hasSizeGreaterThanOrEqualTo(5);

        JavaClasses tests = new ClassFileImporter().importPaths(testClassDirs);

        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.junit", "junit..", "org.junit.runner..", "org.junit.rules..")
                .because("the project tests with JUnit 5 only")
                .check(tests);
    }
}
