package io.jenkins.plugins.retrogate.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the arrows pointing one way: model ← event ← state ← policy ← command, storage beside, Jenkins nowhere. */
@AnalyzeClasses(packages = "io.jenkins.plugins.retrogate.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ENGINE = "io.jenkins.plugins.retrogate.engine.";

    @ArchTest
    static final ArchRule engineKnowsNothingOfJenkins = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke.stapler..", "org.jenkinsci..",
                    "io.jenkins.plugins.retrogate.steps..", "io.jenkins.plugins.retrogate.ui..");

    @ArchTest
    static final ArchRule modelIsPlainJava = classes().that().resideInAPackage(ENGINE + "model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ENGINE + "model..", "java..");

    @ArchTest
    static final ArchRule eventsNeedOnlyTheModel = classes().that().resideInAPackage(ENGINE + "event..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ENGINE + "model..", ENGINE + "event..", "java..");

    @ArchTest
    static final ArchRule modelEventsStateAndPolicyKnowNothingOfStorage = noClasses().that()
            .resideInAnyPackage(ENGINE + "model..", ENGINE + "event..", ENGINE + "state..", ENGINE + "policy..")
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE + "store..", "com.fasterxml..", "java.nio.file..",
                    "java.io..");

    @ArchTest
    static final ArchRule storageKnowsNoCommand = noClasses().that().resideInAPackage(ENGINE + "store..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + "command..");
}
