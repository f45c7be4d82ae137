package io.jenkins.plugins.retrogate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * Keeps the plugin's packages in the layers docs/architecture.md draws, with no cycles, keeps Jenkins
 * behind {@code JenkinsFacade}, and keeps every Stapler web method ({@code public do…}) guarded: the
 * form checks, fills and buttons only answer {@code POST} (CSRF: Jenkins demands a crumb for it), other
 * methods declare their verb, and each one asks for a permission before it does anything.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.retrogate",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotTheEngine.class})
class ArchitectureTest {
    private static final String PLUGIN = "io.jenkins.plugins.retrogate.";
    /** What counts as asking for a permission: Jenkins' and the facade's checks, an administrative monitor's. */
    private static final Set<String> PERMISSION_CHECKS = Set.of("checkPermission", "hasPermission",
            "checkAnyPermission", "hasAnyPermission", "checkRequiredPermission");
    /** How deep into the plugin's own code a web method's permission check may sit. */
    private static final int CHECK_DEPTH = 3;

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(PLUGIN + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesInLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("jenkins").definedBy(PLUGIN + "jenkins..")
            .layer("security").definedBy(PLUGIN + "security..")
            .layer("config").definedBy(PLUGIN + "config..")
            .layer("tracker").definedBy(PLUGIN + "tracker..")
            .layer("ui").definedBy(PLUGIN + "ui..")
            .layer("steps").definedBy(PLUGIN + "steps..")
            .whereLayer("steps").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("steps")
            .whereLayer("tracker").mayOnlyBeAccessedByLayers("ui", "steps")
            .whereLayer("config").mayOnlyBeAccessedByLayers("tracker", "ui", "steps")
            .whereLayer("security").mayOnlyBeAccessedByLayers("config", "tracker", "ui", "steps")
            .whereLayer("jenkins").mayOnlyBeAccessedByLayers("security", "config", "tracker", "ui", "steps");

    /**
     * Only the facade reaches the running Jenkins. RetroGateConfiguration and PolicyFields are changed on
     * another branch as this rule is written; they move to the facade once that has been merged.
     */
    @ArchTest
    static final ArchRule onlyTheFacadeCallsJenkinsGet = noClasses()
            .that().doNotHaveFullyQualifiedName(PLUGIN + "jenkins.JenkinsFacade")
            .and().doNotHaveFullyQualifiedName(PLUGIN + "config.RetroGateConfiguration")
            .and().doNotHaveFullyQualifiedName(PLUGIN + "config.PolicyFields")
            .should().callMethod(Jenkins.class, "get")
            .orShould().callMethod(Jenkins.class, "getInstance")
            .orShould().callMethod(Jenkins.class, "getInstanceOrNull")
            .because("a page, descriptor or step gets Jenkins from its JenkinsFacade, which a unit test replaces");

    @ArchTest
    static final ArchRule formChecksFillsAndButtonsArePostOnly = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("io.jenkins.plugins.retrogate..")
            .and().arePublic().and().haveNameMatching("do(Check|Fill|Test|AutoComplete)[A-Z].*")
            .should().beAnnotatedWith(POST.class).orShould().beAnnotatedWith(RequirePOST.class)
            .because("Stapler answers any verb otherwise, and only POST needs Jenkins' CSRF crumb");

    @ArchTest
    static final ArchRule everyWebMethodDeclaresItsVerb = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("io.jenkins.plugins.retrogate..")
            .and().arePublic().and().haveNameMatching("do[A-Z].*")
            .should().beAnnotatedWith(POST.class).orShould().beAnnotatedWith(RequirePOST.class)
            .orShould().beAnnotatedWith(GET.class)
            .because("what changes state is POST only; a page to look at says so with @GET");

    @ArchTest
    static final ArchRule everyWebMethodAsksForAPermission = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("io.jenkins.plugins.retrogate..")
            .and().arePublic().and().haveNameMatching("do[A-Z].*")
            .should(askForAPermission());

    /** The method, or plugin code it calls (up to {@value #CHECK_DEPTH} calls deep), checks a permission. */
    private static ArchCondition<JavaMethod> askForAPermission() {
        return new ArchCondition<>("check a permission before anything else") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean checks = reachesPermissionCheck(method);
                events.add(new SimpleConditionEvent(method, checks, method.getFullName()
                        + (checks ? " checks" : " does not check") + " a permission"));
            }
        };
    }

    private static boolean reachesPermissionCheck(JavaMethod start) {
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> level = new ArrayDeque<>();
        level.add(start);
        for (int depth = 0; depth <= CHECK_DEPTH && !level.isEmpty(); depth++) {
            Deque<JavaCodeUnit> next = new ArrayDeque<>();
            for (JavaCodeUnit unit : level) {
                if (!seen.add(unit)) {
                    continue;
                }
                for (JavaCall<?> call : unit.getCallsFromSelf()) {
                    if (PERMISSION_CHECKS.contains(call.getName())) {
                        return true;
                    }
                    if (call.getTargetOwner().getPackageName().startsWith(PLUGIN)
                            && !call.getTargetOwner().getPackageName().startsWith(PLUGIN + "engine")) {
                        call.getTarget().resolveMember().ifPresent(next::add);
                    }
                }
            }
            level = next;
        }
        return false;
    }

    /** The engine has its own architecture test; here it is a library like any other. */
    static final class NotTheEngine implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/io/jenkins/plugins/retrogate/engine/");
        }
    }
}
