package io.jenkins.plugins.retrogate.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the arrows pointing one way (docs/architecture.md draws them): every package of the engine
 * is in a layer, each layer is used only by the layers above it, no two packages depend on each
 * other, and Jenkins is nowhere.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.retrogate.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ENGINE = "io.jenkins.plugins.retrogate.engine.";

    @ArchTest
    static final ArchRule engineKnowsNothingOfJenkins = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke.stapler..", "org.jenkinsci..",
                    "io.jenkins.plugins.retrogate.steps..", "io.jenkins.plugins.retrogate.ui..");

    @ArchTest
    static final ArchRule modelIsPlainJava = classes().that().resideInAPackage(ENGINE + "model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ENGINE + "model..", "java..",
                    "edu.umd.cs.findbugs.annotations.."); // nullness for SpotBugs, compile-time only

    @ArchTest
    static final ArchRule eventsNeedOnlyTheModel = classes().that().resideInAPackage(ENGINE + "event..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ENGINE + "model..", ENGINE + "event..", "java..",
                    "edu.umd.cs.findbugs.annotations..");

    @ArchTest
    static final ArchRule modelEventsStateAndPolicyKnowNothingOfStorage = noClasses().that()
            .resideInAnyPackage(ENGINE + "model..", ENGINE + "event..", ENGINE + "state..", ENGINE + "policy..")
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE + "store..", "com.fasterxml..", "java.nio.file..",
                    "java.io..");

    @ArchTest
    static final ArchRule everyPackageInALayerAndArrowsPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model").definedBy(ENGINE + "model..")
            .layer("json").definedBy(ENGINE + "json..")
            .layer("wording").definedBy(ENGINE + "wording..")
            .layer("event").definedBy(ENGINE + "event..")
            .layer("state").definedBy(ENGINE + "state..")
            .layer("policy").definedBy(ENGINE + "policy..")
            .layer("report").definedBy(ENGINE + "report..")
            .layer("store").definedBy(ENGINE + "store..")
            .layer("command").definedBy(ENGINE + "command..")
            .layer("config").definedBy(ENGINE + "config..")
            .layer("tracker").definedBy(ENGINE + "tracker..")
            .layer("transfer").definedBy(ENGINE + "transfer..")
            .layer("notify").definedBy(ENGINE + "notify..")
            .whereLayer("notify").mayNotBeAccessedByAnyLayer()
            .whereLayer("transfer").mayNotBeAccessedByAnyLayer()
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("tracker").mayNotBeAccessedByAnyLayer()
            .whereLayer("command").mayOnlyBeAccessedByLayers("tracker", "transfer", "notify")
            .whereLayer("store").mayOnlyBeAccessedByLayers("command", "config", "tracker", "transfer")
            .whereLayer("report").mayOnlyBeAccessedByLayers("command", "tracker", "transfer")
            .whereLayer("policy").mayOnlyBeAccessedByLayers("report", "command", "config", "tracker", "transfer")
            .whereLayer("state").mayOnlyBeAccessedByLayers("policy", "report", "store", "command", "tracker",
                    "transfer", "notify")
            .whereLayer("event").mayOnlyBeAccessedByLayers("state", "report", "store", "command", "tracker",
                    "transfer", "notify")
            .whereLayer("json").mayOnlyBeAccessedByLayers("store", "tracker", "transfer")
            .whereLayer("wording").mayOnlyBeAccessedByLayers("policy", "report", "command", "config", "transfer");

    @ArchTest
    static final ArchRule everyEngineClassIsInALayer = classes().that().resideInAPackage("io.jenkins.plugins.retrogate.engine..")
            .should().resideInAnyPackage(ENGINE + "model..", ENGINE + "json..", ENGINE + "event..", ENGINE + "state..",
                    ENGINE + "policy..", ENGINE + "report..", ENGINE + "store..", ENGINE + "command..",
                    ENGINE + "config..", ENGINE + "tracker..", ENGINE + "transfer..", ENGINE + "wording..", ENGINE + "notify..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ENGINE + "(*)..").should().beFreeOfCycles();

    /** Stores are opened through {@code StoreBackend}; which backends exist is known in {@code config} alone. */
    @ArchTest
    static final ArchRule backendsAreChosenInOnePlace = noClasses().that()
            .resideOutsideOfPackages(ENGINE + "store.journal..", ENGINE + "config..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + "store.journal..");

    @ArchTest
    static final ArchRule thePostgresBackendIsChosenInOnePlaceToo = noClasses().that()
            .resideOutsideOfPackages(ENGINE + "store.postgres..", ENGINE + "config..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + "store.postgres..");

    @ArchTest
    static final ArchRule backendsKnowNothingOfEachOther = noClasses().that().resideInAPackage(ENGINE + "store.postgres..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + "store.journal..");

    @ArchTest
    static final ArchRule storageKnowsNoCommand = noClasses().that().resideInAPackage(ENGINE + "store..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + "command..");
}
