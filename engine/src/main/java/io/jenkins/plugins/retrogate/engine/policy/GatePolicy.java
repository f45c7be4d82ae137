package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The administrator's rules for the gate: which environments are production, what blocks and
 * what warns, per-service and per-folder modes, the post-rollback freeze, how long an incident may stay
 * OPEN before it blocks, whether rollbacks outside
 * production open incidents, whether pipelines may weaken the mode, the four-eyes rule and the longest
 * override window. Immutable; build one
 * with {@link #builder()} (the defaults are those of the design).
 */
public final class GatePolicy {
    /** The production patterns used when none are configured. */
    public static final List<String> DEFAULT_PRODUCTION_PATTERNS = List.of("production", "prod", "prod-*", "*-prod");
    /** The longest {@code staleIncidentDays} a policy may set: a year. */
    public static final int MAX_STALE_INCIDENT_DAYS = 365;
    /** Two weeks: when a retrospective is due unless the policy says otherwise. */
    public static final int DEFAULT_RETRO_DUE_DAYS = 14;

    private final List<Glob> productionPatterns;
    private final GateMode productionMode;
    private final GateMode nonProductionMode;
    private final Priority blockPriority;
    private final Set<ItemType> blockTypes;
    private final Priority warnPriority;
    private final Set<ItemType> warnTypes;
    private final boolean warnOverdue;
    private final boolean postRollbackFreeze;
    private final int staleIncidentDays;
    private final boolean openIncidentsOutsideProduction;
    private final boolean allowWeakerPipelineMode;
    private final boolean fourEyes;
    private final boolean requireBlameFreeText;
    private final boolean requireRetroReadiness;
    private final int retroDueDays;
    /** The longest override window a policy may allow, in hours. */
    public static final int MAX_OVERRIDE_WINDOW_HOURS = 30 * 24;

    private final Duration maxOverrideWindow;
    private final List<PolicyRule> rules;
    private final List<ApprovalRule> approvalRules;
    /** Derived from the switches above, once: the decision runs them without asking again. */
    private final List<FindingRule> findingRules;
    private final ServiceRule[] serviceRules;
    private final ItemRule[] itemRules;

    private GatePolicy(Builder b) {
        productionPatterns = List.copyOf(b.productionPatterns);
        productionMode = b.productionMode;
        nonProductionMode = b.nonProductionMode;
        blockPriority = b.blockPriority;
        blockTypes = Set.copyOf(b.blockTypes);
        warnPriority = b.warnPriority;
        warnTypes = Set.copyOf(b.warnTypes);
        warnOverdue = b.warnOverdue;
        postRollbackFreeze = b.postRollbackFreeze;
        staleIncidentDays = b.staleIncidentDays;
        openIncidentsOutsideProduction = b.openIncidentsOutsideProduction;
        allowWeakerPipelineMode = b.allowWeakerPipelineMode;
        fourEyes = b.fourEyes;
        requireBlameFreeText = b.requireBlameFreeText;
        requireRetroReadiness = b.requireRetroReadiness;
        retroDueDays = b.retroDueDays;
        maxOverrideWindow = b.maxOverrideWindow;
        rules = List.copyOf(b.rules);
        approvalRules = List.copyOf(b.approvalRules);
        // loops, not streams: every CLI gate builds a policy, and each lambda costs a short run its linking
        List<FindingRule> on = new ArrayList<>(FindingRules.ALL.size());
        List<ServiceRule> onServices = new ArrayList<>();
        List<ItemRule> onItems = new ArrayList<>();
        for (FindingRule rule : FindingRules.ALL) {
            if (rule.isOn(this)) {
                on.add(rule);
                if (rule instanceof ServiceRule service) {
                    onServices.add(service);
                }
                if (rule instanceof ItemRule item) {
                    onItems.add(item);
                }
            }
        }
        findingRules = List.copyOf(on);
        serviceRules = onServices.toArray(new ServiceRule[0]);
        itemRules = onItems.toArray(new ItemRule[0]);
    }

    /** The design's defaults. */
    public static GatePolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.productionPatterns = productionPatterns;
        b.productionMode = productionMode;
        b.nonProductionMode = nonProductionMode;
        b.blockPriority = blockPriority;
        b.blockTypes = blockTypes;
        b.warnPriority = warnPriority;
        b.warnTypes = warnTypes;
        b.warnOverdue = warnOverdue;
        b.postRollbackFreeze = postRollbackFreeze;
        b.staleIncidentDays = staleIncidentDays;
        b.openIncidentsOutsideProduction = openIncidentsOutsideProduction;
        b.allowWeakerPipelineMode = allowWeakerPipelineMode;
        b.fourEyes = fourEyes;
        b.requireBlameFreeText = requireBlameFreeText;
        b.requireRetroReadiness = requireRetroReadiness;
        b.retroDueDays = retroDueDays;
        b.maxOverrideWindow = maxOverrideWindow;
        b.rules = rules;
        b.approvalRules = approvalRules;
        return b;
    }

    /** Whether {@code environment} counts as production. */
    public boolean isProduction(String environment) {
        for (Glob glob : productionPatterns) {
            if (glob.matches(environment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mode the policy sets for a deployment, before any mode the pipeline asks for, and the
     * rule that set it ({@code null} for the global default).
     */
    @CheckForNull
    public PolicyRule ruleFor(String service, @CheckForNull String folder) {
        for (PolicyRule rule : rules) {
            if (rule.scope() == PolicyRule.Scope.SERVICE && rule.pattern().matches(service)) {
                return rule;
            }
        }
        for (PolicyRule rule : rules) {
            if (rule.scope() == PolicyRule.Scope.FOLDER && rule.pattern().matches(folder)) {
                return rule;
            }
        }
        return null;
    }

    public List<Glob> productionPatterns() {
        return productionPatterns;
    }

    public GateMode productionMode() {
        return productionMode;
    }

    public GateMode nonProductionMode() {
        return nonProductionMode;
    }

    public Priority blockPriority() {
        return blockPriority;
    }

    public Set<ItemType> blockTypes() {
        return blockTypes;
    }

    public Priority warnPriority() {
        return warnPriority;
    }

    public Set<ItemType> warnTypes() {
        return warnTypes;
    }

    public boolean warnOverdue() {
        return warnOverdue;
    }

    public boolean postRollbackFreeze() {
        return postRollbackFreeze;
    }

    /**
     * After how many days an incident of a service that is still OPEN (not yet mitigated) blocks its
     * production deployments; 0 (the default): never.
     */
    public int staleIncidentDays() {
        return staleIncidentDays;
    }

    /**
     * Whether a rollback in an environment that is not production opens an incident (or attaches to
     * the service's open one) like a production rollback. Off by default: an incident is a production
     * failure, and a rollback in dev or QA is the pipeline doing its job.
     */
    public boolean openIncidentsOutsideProduction() {
        return openIncidentsOutsideProduction;
    }

    public boolean allowWeakerPipelineMode() {
        return allowWeakerPipelineMode;
    }

    /**
     * Whether an OPEN item of this priority and type blocks production deployments under this
     * policy. The one place that says so: the gate and the rule for dropping items both ask here.
     */
    public boolean blocks(ActionItem item) {
        return item.priority().atLeast(blockPriority) && blockTypes.contains(item.type());
    }

    /**
     * Whether an OPEN item of this priority and type warns (and does not block) under this policy:
     * priority {@link #warnPriority()} or more urgent, of a type in {@link #warnTypes()}.
     */
    public boolean warns(ActionItem item) {
        return !blocks(item) && item.priority().atLeast(warnPriority) && warnTypes.contains(item.type());
    }

    /** The gate's rules this policy switches on, in the order their findings are listed. */
    public List<FindingRule> findingRules() {
        return findingRules;
    }

    /** The rules about the service, as the evaluator runs them. */
    ServiceRule[] serviceRules() {
        return serviceRules;
    }

    /** The rules about each item, as the evaluator runs them. */
    ItemRule[] itemRules() {
        return itemRules;
    }

    public boolean fourEyes() {
        return fourEyes;
    }

    /**
     * Whether an incident's root cause and an action item's title must be free of wording that blames
     * a person ({@code wording.BlameWording}); off by default, when such wording only gets a hint.
     */
    public boolean requireBlameFreeText() {
        return requireBlameFreeText;
    }

    /**
     * Whether an incident may become REVIEWED only when its retrospective is ready: each of the five
     * questions answered, and at least one action item or a "no action" decision with its reason. On by
     * default.
     */
    public boolean requireRetroReadiness() {
        return requireRetroReadiness;
    }

    /**
     * Days after detection by which an incident's retrospective is due (REVIEWED); later, deployments of
     * its services WARN and the report lists it. 0 turns this off; 14 by default.
     */
    public int retroDueDays() {
        return retroDueDays;
    }

    public Duration maxOverrideWindow() {
        return maxOverrideWindow;
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    /** The rules that ask for more than one approver of an override, in the order they were given. */
    public List<ApprovalRule> approvalRules() {
        return approvalRules;
    }

    /**
     * How many distinct release managers must approve an override of {@code service} in
     * {@code environment}: the largest {@code required} of the approval rules that match, 1 when none does.
     */
    public int requiredApprovals(String service, String environment) {
        int required = 1;
        for (ApprovalRule rule : approvalRules) {
            if (rule.required() > required && rule.matches(service, environment)) {
                required = rule.required();
            }
        }
        return required;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatePolicy p && productionPatterns.equals(p.productionPatterns)
                && productionMode == p.productionMode && nonProductionMode == p.nonProductionMode
                && blockPriority == p.blockPriority && blockTypes.equals(p.blockTypes)
                && warnPriority == p.warnPriority && warnTypes.equals(p.warnTypes) && warnOverdue == p.warnOverdue
                && postRollbackFreeze == p.postRollbackFreeze && staleIncidentDays == p.staleIncidentDays
                && openIncidentsOutsideProduction == p.openIncidentsOutsideProduction
                && allowWeakerPipelineMode == p.allowWeakerPipelineMode
                && fourEyes == p.fourEyes && requireBlameFreeText == p.requireBlameFreeText
                && requireRetroReadiness == p.requireRetroReadiness && retroDueDays == p.retroDueDays
                && maxOverrideWindow.equals(p.maxOverrideWindow) && rules.equals(p.rules)
                && approvalRules.equals(p.approvalRules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productionPatterns, productionMode, blockPriority, blockTypes, rules, maxOverrideWindow);
    }

    /** Collects a policy's values; {@link #build()} checks them. */
    public static final class Builder {
        private List<Glob> productionPatterns = globs(DEFAULT_PRODUCTION_PATTERNS);
        private GateMode productionMode = GateMode.BLOCK;
        private GateMode nonProductionMode = GateMode.OFF;
        private Priority blockPriority = Priority.P0;
        private Set<ItemType> blockTypes = EnumSet.of(ItemType.PREVENTATIVE);
        private Priority warnPriority = Priority.P1;
        private Set<ItemType> warnTypes = EnumSet.of(ItemType.PREVENTATIVE);
        private boolean warnOverdue = true;
        private boolean postRollbackFreeze;
        private int staleIncidentDays;
        private boolean openIncidentsOutsideProduction;
        private boolean allowWeakerPipelineMode;
        private boolean fourEyes = true;
        private boolean requireBlameFreeText;
        private boolean requireRetroReadiness = true;
        private int retroDueDays = DEFAULT_RETRO_DUE_DAYS;
        private Duration maxOverrideWindow = Duration.ofHours(24);
        private List<PolicyRule> rules = List.of();
        private List<ApprovalRule> approvalRules = List.of();

        private Builder() {
        }

        /** Production environment patterns; at least one. */
        public Builder productionPatterns(List<String> patterns) {
            if (patterns == null || patterns.isEmpty()) {
                throw new InvalidInputException("productionPatterns", "", "is empty: give at least one pattern such as 'production'");
            }
            this.productionPatterns = globs(patterns);
            return this;
        }

        private static List<Glob> globs(List<String> patterns) {
            List<Glob> globs = new ArrayList<>(patterns.size());
            for (String pattern : patterns) {
                globs.add(Glob.parse("productionPatterns", pattern));
            }
            return List.copyOf(globs);
        }

        public Builder productionMode(GateMode mode) {
            this.productionMode = Objects.requireNonNull(mode, "productionMode");
            return this;
        }

        public Builder nonProductionMode(GateMode mode) {
            this.nonProductionMode = Objects.requireNonNull(mode, "nonProductionMode");
            return this;
        }

        /** Open items of this priority or more urgent, and of a blocking type, block. */
        public Builder blockPriority(Priority priority) {
            this.blockPriority = Objects.requireNonNull(priority, "blockPriority");
            return this;
        }

        public Builder blockTypes(Set<ItemType> types) {
            if (types == null || types.isEmpty()) {
                throw new InvalidInputException("blockTypes", "", "is empty: name at least one of PREVENTATIVE, MITIGATIVE, OTHER");
            }
            this.blockTypes = EnumSet.copyOf(types);
            return this;
        }

        /** Open items of this priority or more urgent, and of a warning type, warn (when they do not block). */
        public Builder warnPriority(Priority priority) {
            this.warnPriority = Objects.requireNonNull(priority, "warnPriority");
            return this;
        }

        public Builder warnTypes(Set<ItemType> types) {
            this.warnTypes = types == null || types.isEmpty() ? EnumSet.noneOf(ItemType.class) : EnumSet.copyOf(types);
            return this;
        }

        public Builder warnOverdue(boolean warn) {
            this.warnOverdue = warn;
            return this;
        }

        public Builder postRollbackFreeze(boolean freeze) {
            this.postRollbackFreeze = freeze;
            return this;
        }

        /**
         * Block a service's production deployments while one of its incidents has been OPEN for more
         * than {@code days} days since it was detected; 0 turns the rule off (the default).
         */
        public Builder staleIncidentDays(int days) {
            if (days < 0 || days > MAX_STALE_INCIDENT_DAYS) {
                throw new InvalidInputException("staleIncidentDays", days, "must be 0 (off) or a whole number of days"
                        + " from 1 to " + MAX_STALE_INCIDENT_DAYS);
            }
            this.staleIncidentDays = days;
            return this;
        }

        /** When true, rollbacks outside production open (or extend) incidents too; false by default. */
        public Builder openIncidentsOutsideProduction(boolean open) {
            this.openIncidentsOutsideProduction = open;
            return this;
        }

        public Builder allowWeakerPipelineMode(boolean allow) {
            this.allowWeakerPipelineMode = allow;
            return this;
        }

        /** When true (the default), nobody may approve an override of a deployment they requested. */
        public Builder fourEyes(boolean required) {
            this.fourEyes = required;
            return this;
        }

        public Builder requireBlameFreeText(boolean required) {
            this.requireBlameFreeText = required;
            return this;
        }

        /** Days after detection by which a retrospective is due; 0 (off) to {@link #MAX_STALE_INCIDENT_DAYS}. */
        public Builder retroDueDays(int days) {
            if (days < 0 || days > MAX_STALE_INCIDENT_DAYS) {
                throw new InvalidInputException("retroDueDays", days, "must be 0 (off) or a whole number of days"
                        + " from 1 to " + MAX_STALE_INCIDENT_DAYS);
            }
            this.retroDueDays = days;
            return this;
        }

        /** When true (the default), an incident becomes REVIEWED only once its retrospective is ready. */
        public Builder requireRetroReadiness(boolean required) {
            this.requireRetroReadiness = required;
            return this;
        }

        public Builder maxOverrideWindow(Duration window) {
            if (window == null || window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(30)) > 0) {
                throw new InvalidInputException("maxOverrideWindow", window, "must be more than zero and at most 30 days (P30D)");
            }
            this.maxOverrideWindow = window;
            return this;
        }

        /**
         * The override window in whole hours, as the Jenkins form and {@code maxOverrideWindowHours} in
         * policy.yaml give it: 1 to 720 (30 days).
         */
        public Builder maxOverrideWindowHours(long hours) {
            if (hours < 1 || hours > MAX_OVERRIDE_WINDOW_HOURS) {
                throw new InvalidInputException("maxOverrideWindowHours", hours,
                        "must be a whole number of hours from 1 to " + MAX_OVERRIDE_WINDOW_HOURS + " (30 days)");
            }
            this.maxOverrideWindow = Duration.ofHours(hours);
            return this;
        }

        public Builder rules(List<PolicyRule> newRules) {
            this.rules = newRules == null ? List.of() : List.copyOf(newRules);
            return this;
        }

        /** Rules that require N distinct approvers for overrides of some services or environments. */
        public Builder approvalRules(List<ApprovalRule> newRules) {
            this.approvalRules = newRules == null ? List.of() : List.copyOf(newRules);
            return this;
        }

        public GatePolicy build() {
            return new GatePolicy(this);
        }
    }
}
