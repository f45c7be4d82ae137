package io.jenkins.plugins.retrogate.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The CLI is a front-end: it opens stores through the engine's {@code StoreBackend}, chosen by
 * {@code config.StoreLocation}, and never names a backend, so a new backend needs no change here.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.retrogate.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule storesThroughTheSeam = noClasses().should().dependOnClassesThat()
            .resideInAPackage("io.jenkins.plugins.retrogate.engine.store.journal..");
}
