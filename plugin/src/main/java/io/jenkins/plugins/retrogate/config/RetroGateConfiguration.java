package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.config.StoreLocation;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The administrator's settings: the gate policy (handed to the engine as a {@link GatePolicy}),
 * the change-set ticket pattern, where the store lives (a directory, or a PostgreSQL database shared
 * with other controllers and the CLI, logged in to with credentials) and the ticket tracker
 * ({@link TrackerSettings}). Configuration-as-Code ready: {@code unclassified: retroGate: ...}. Defaults are the engine's. Every setter checks its value
 * with the engine's own validation, so an invalid value never reaches the policy.
 */
@Extension
@Symbol("retroGate")
public class RetroGateConfiguration extends GlobalConfiguration {
    /** Item ids, Jira keys and GitHub issues ({@code owner/repo#42}), as commit messages name them. */
    public static final String DEFAULT_TICKET_PATTERN = "INC-\\d+-A\\d+|[A-Z][A-Z0-9_]+-\\d+|[\\w.-]+/[\\w.-]+#\\d+";
    static final String DEFAULT_STORE_DIRECTORY = "retro-gate";

    private String productionPatterns = String.join("\n", GatePolicy.DEFAULT_PRODUCTION_PATTERNS);
    private GateMode productionMode = GatePolicy.defaults().productionMode();
    private GateMode nonProductionMode = GatePolicy.defaults().nonProductionMode();
    private Priority blockPriority = GatePolicy.defaults().blockPriority();
    private String blockTypes = PolicyFields.names(GatePolicy.defaults().blockTypes());
    private Priority warnPriority = GatePolicy.defaults().warnPriority();
    private String warnTypes = PolicyFields.names(GatePolicy.defaults().warnTypes());
    private boolean warnOverdue = GatePolicy.defaults().warnOverdue();
    private boolean postRollbackFreeze = GatePolicy.defaults().postRollbackFreeze();
    private int staleIncidentDays = GatePolicy.defaults().staleIncidentDays();
    private boolean openIncidentsOutsideProduction = GatePolicy.defaults().openIncidentsOutsideProduction();
    private boolean allowWeakerPipelineMode = GatePolicy.defaults().allowWeakerPipelineMode();
    private boolean fourEyes = GatePolicy.defaults().fourEyes();
    private boolean requireBlameFreeText = GatePolicy.defaults().requireBlameFreeText();
    private boolean requireRetroReadiness = GatePolicy.defaults().requireRetroReadiness();
    private int retroDueDays = GatePolicy.defaults().retroDueDays();
    private int maxOverrideWindowHours = (int) GatePolicy.defaults().maxOverrideWindow().toHours();
    private List<GateRule> rules = new ArrayList<>();
    private List<ApprovalRequirement> approvals = new ArrayList<>();
    private String changeSetTicketPattern = DEFAULT_TICKET_PATTERN;
    private String storeLocation;
    /** A PostgreSQL database holding the events; {@code null}: the journal in the store directory. */
    private String databaseUrl;
    /** The id of the username/password credentials for {@link #databaseUrl}, never the password itself. */
    private String databaseCredentialsId;
    /** The ticket tracker to keep in step with; {@code null}: none. */
    private TrackerSettings tracker;

    private transient volatile GatePolicy policy;
    private transient volatile Pattern ticketPattern;
    private transient boolean binding;

    public RetroGateConfiguration() {
        load();
    }

    public static RetroGateConfiguration get() {
        return ExtensionList.lookupSingleton(RetroGateConfiguration.class);
    }

    /** The policy these settings describe, built once per change. */
    public GatePolicy policy() {
        GatePolicy current = policy;
        if (current == null) {
            current = buildPolicy();
            policy = current;
        }
        return current;
    }

    private GatePolicy buildPolicy() {
        return GatePolicy.builder().productionPatterns(PolicyFields.lines(productionPatterns))
            .productionMode(productionMode).nonProductionMode(nonProductionMode)
            .blockPriority(blockPriority).blockTypes(PolicyFields.types("blockTypes", blockTypes))
            .warnPriority(warnPriority).warnTypes(PolicyFields.types("warnTypes", warnTypes))
            .warnOverdue(warnOverdue).postRollbackFreeze(postRollbackFreeze).staleIncidentDays(staleIncidentDays)
            .openIncidentsOutsideProduction(openIncidentsOutsideProduction)
            .allowWeakerPipelineMode(allowWeakerPipelineMode).fourEyes(fourEyes).requireBlameFreeText(requireBlameFreeText)
            .requireRetroReadiness(requireRetroReadiness).retroDueDays(retroDueDays)
            .maxOverrideWindowHours(maxOverrideWindowHours)
            .rules(getRules().stream().map(GateRule::toPolicyRule).toList())
            .approvalRules(getApprovals().stream().map(ApprovalRequirement::toApprovalRule).toList())
            .build();
    }

    /** The compiled change-set ticket pattern. */
    public Pattern ticketPattern() {
        Pattern current = ticketPattern;
        if (current == null) {
            current = Pattern.compile(changeSetTicketPattern);
            ticketPattern = current;
        }
        return current;
    }

    /**
     * Where the store lives: the PostgreSQL database when one is configured, else the store directory
     * (the configured location, relative to JENKINS_HOME if not absolute, or JENKINS_HOME/retro-gate).
     * The engine reads the location and picks the backend.
     */
    public StoreLocation storeLocation() {
        String database = Util.fixEmptyAndTrim(databaseUrl);
        return database == null ? directoryLocation() : DatabaseAccess.location(database, storeDirectory());
    }

    /** The backend of {@link #storeLocation()}, with the database's credentials resolved now. */
    public StoreBackend storeBackend() {
        StoreLocation location = storeLocation();
        return location.isDatabase() ? DatabaseAccess.backend(new JenkinsFacade(), location, databaseCredentialsId)
                : location.backend(Duration.ZERO); // Jenkins owns its journal: no waiting for another process
    }

    private StoreLocation directoryLocation() {
        String location = Util.fixEmptyAndTrim(storeLocation);
        return directoryOnly(StoreLocation.parse(location == null ? DEFAULT_STORE_DIRECTORY : location,
                Jenkins.get().getRootDir().toPath()), location);
    }

    /** The store location is a directory; a database's address goes in its own field, with its credentials. */
    private static StoreLocation directoryOnly(StoreLocation location, String shown) {
        if (location.isDatabase()) {
            throw new FieldException("storeLocation '" + shown + "' is a database address: the store location is"
                    + " a directory (absolute, or relative to JENKINS_HOME); give a PostgreSQL database in"
                    + " databaseUrl, with its credentials in databaseCredentialsId");
        }
        return location;
    }

    /**
     * The local directory of the store's companion files (tracker sync state): the store directory, also
     * when the events are in a database.
     */
    public Path storeDirectory() {
        return directoryLocation().localDirectory();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        Saved before = new Saved(productionPatterns, productionMode, nonProductionMode, blockPriority, blockTypes,
                warnPriority, warnTypes, warnOverdue, postRollbackFreeze, staleIncidentDays,
                openIncidentsOutsideProduction, allowWeakerPipelineMode, fourEyes, requireBlameFreeText,
                requireRetroReadiness, retroDueDays, maxOverrideWindowHours, rules, approvals, changeSetTicketPattern, storeLocation, databaseUrl, databaseCredentialsId, tracker);
        binding = true;
        try {
            rules = new ArrayList<>(); // an empty repeatable list is absent from the form
            approvals = new ArrayList<>();
            tracker = null; // so is an unchecked optional block
            FormFields.check(json);
            req.bindJSON(this, json);
            buildPolicy(); // the settings together make a policy, or the form is refused
            if (tracker != null) {
                tracker.check();
            }
        } catch (RuntimeException e) { // IllegalArgumentException, InvalidInputException, or Stapler's own
            restore(before); // nothing of a refused form stays in memory
            throw new FormException(reason(e), e, "retroGate");
        } finally {
            binding = false;
            policy = null;
            ticketPattern = null;
        }
        save();
        return true;
    }

    /** Every setting, as it was before a form was bound. */
    private record Saved(String productionPatterns, GateMode productionMode, GateMode nonProductionMode,
            Priority blockPriority, String blockTypes, Priority warnPriority, String warnTypes, boolean warnOverdue,
            boolean postRollbackFreeze, int staleIncidentDays, boolean openIncidentsOutsideProduction,
            boolean allowWeakerPipelineMode, boolean fourEyes, boolean requireBlameFreeText,
            boolean requireRetroReadiness, int retroDueDays, int maxOverrideWindowHours,
            List<GateRule> rules, List<ApprovalRequirement> approvals,
            String changeSetTicketPattern, String storeLocation, String databaseUrl, String databaseCredentialsId,
            TrackerSettings tracker) {
    }

    private void restore(Saved saved) {
        productionPatterns = saved.productionPatterns();
        productionMode = saved.productionMode();
        nonProductionMode = saved.nonProductionMode();
        blockPriority = saved.blockPriority();
        blockTypes = saved.blockTypes();
        warnPriority = saved.warnPriority();
        warnTypes = saved.warnTypes();
        warnOverdue = saved.warnOverdue();
        postRollbackFreeze = saved.postRollbackFreeze();
        staleIncidentDays = saved.staleIncidentDays();
        openIncidentsOutsideProduction = saved.openIncidentsOutsideProduction();
        allowWeakerPipelineMode = saved.allowWeakerPipelineMode();
        fourEyes = saved.fourEyes();
        requireBlameFreeText = saved.requireBlameFreeText();
        requireRetroReadiness = saved.requireRetroReadiness();
        retroDueDays = saved.retroDueDays();
        maxOverrideWindowHours = saved.maxOverrideWindowHours();
        rules = saved.rules();
        approvals = saved.approvals();
        changeSetTicketPattern = saved.changeSetTicketPattern();
        storeLocation = saved.storeLocation();
        databaseUrl = saved.databaseUrl();
        databaseCredentialsId = saved.databaseCredentialsId();
        tracker = saved.tracker();
    }

    /**
     * The message of our own validation, the outermost one (Stapler wraps what a setter or
     * constructor throws; underneath ours lie causes that name neither field nor value).
     */
    static String reason(RuntimeException e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FieldException || t instanceof InvalidInputException) {
                return t.getMessage();
            }
            innermost = t;
        }
        return "The configuration could not be read: " + innermost.getMessage();
    }

    @Override
    public synchronized void load() {
        super.load();
        policy = null;
        ticketPattern = null;
    }

    /** A setting changed: outside a form, the caches go and the settings are saved; a form does both at its end. */
    private void changed() {
        if (!binding) {
            policy = null;
            ticketPattern = null;
            save();
        }
    }

    public String getProductionPatterns() {
        return productionPatterns;
    }

    @DataBoundSetter
    public void setProductionPatterns(String productionPatterns) {
        PolicyFields.check(() -> GatePolicy.builder().productionPatterns(PolicyFields.lines(productionPatterns)));
        this.productionPatterns = String.join("\n", PolicyFields.lines(productionPatterns));
        changed();
    }

    public GateMode getProductionMode() {
        return productionMode;
    }

    @DataBoundSetter
    public void setProductionMode(GateMode productionMode) {
        this.productionMode = productionMode == null ? GatePolicy.defaults().productionMode() : productionMode;
        changed();
    }

    public GateMode getNonProductionMode() {
        return nonProductionMode;
    }

    @DataBoundSetter
    public void setNonProductionMode(GateMode nonProductionMode) {
        this.nonProductionMode = nonProductionMode == null ? GatePolicy.defaults().nonProductionMode()
                : nonProductionMode;
        changed();
    }

    public Priority getBlockPriority() {
        return blockPriority;
    }

    @DataBoundSetter
    public void setBlockPriority(Priority blockPriority) {
        this.blockPriority = blockPriority == null ? GatePolicy.defaults().blockPriority() : blockPriority;
        changed();
    }

    public String getBlockTypes() {
        return blockTypes;
    }

    @DataBoundSetter
    public void setBlockTypes(String blockTypes) {
        PolicyFields.check(() -> GatePolicy.builder().blockTypes(PolicyFields.types("blockTypes", blockTypes)));
        this.blockTypes = PolicyFields.names(PolicyFields.types("blockTypes", blockTypes));
        changed();
    }

    public Priority getWarnPriority() {
        return warnPriority;
    }

    @DataBoundSetter
    public void setWarnPriority(Priority warnPriority) {
        this.warnPriority = warnPriority == null ? GatePolicy.defaults().warnPriority() : warnPriority;
        changed();
    }

    public String getWarnTypes() {
        return warnTypes;
    }

    @DataBoundSetter
    public void setWarnTypes(String warnTypes) {
        PolicyFields.check(() -> PolicyFields.types("warnTypes", warnTypes));
        this.warnTypes = PolicyFields.names(PolicyFields.types("warnTypes", warnTypes));
        changed();
    }

    public boolean isWarnOverdue() {
        return warnOverdue;
    }

    @DataBoundSetter
    public void setWarnOverdue(boolean warnOverdue) {
        this.warnOverdue = warnOverdue;
        changed();
    }

    public boolean isPostRollbackFreeze() {
        return postRollbackFreeze;
    }

    @DataBoundSetter
    public void setPostRollbackFreeze(boolean postRollbackFreeze) {
        this.postRollbackFreeze = postRollbackFreeze;
        changed();
    }

    public int getStaleIncidentDays() {
        return staleIncidentDays;
    }

    @DataBoundSetter
    public void setStaleIncidentDays(int staleIncidentDays) {
        PolicyFields.check(() -> GatePolicy.builder().staleIncidentDays(staleIncidentDays));
        this.staleIncidentDays = staleIncidentDays;
        changed();
    }

    public boolean isOpenIncidentsOutsideProduction() {
        return openIncidentsOutsideProduction;
    }

    @DataBoundSetter
    public void setOpenIncidentsOutsideProduction(boolean openIncidentsOutsideProduction) {
        this.openIncidentsOutsideProduction = openIncidentsOutsideProduction;
        changed();
    }

    public boolean isAllowWeakerPipelineMode() {
        return allowWeakerPipelineMode;
    }

    @DataBoundSetter
    public void setAllowWeakerPipelineMode(boolean allowWeakerPipelineMode) {
        this.allowWeakerPipelineMode = allowWeakerPipelineMode;
        changed();
    }

    public boolean isFourEyes() {
        return fourEyes;
    }

    @DataBoundSetter
    public void setFourEyes(boolean fourEyes) {
        this.fourEyes = fourEyes;
        changed();
    }

    public int getRetroDueDays() {
        return retroDueDays;
    }

    /** Days after detection by which a retrospective is due; later, deployments of its services WARN (0: off). */
    @DataBoundSetter
    public void setRetroDueDays(int retroDueDays) {
        PolicyFields.check(() -> GatePolicy.builder().retroDueDays(retroDueDays));
        this.retroDueDays = retroDueDays;
        changed();
    }

    @POST
    public FormValidation doCheckRetroDueDays(@QueryParameter int value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PolicyFields.validate(() -> GatePolicy.builder().retroDueDays(value));
    }

    public boolean isRequireRetroReadiness() {
        return requireRetroReadiness;
    }

    /** An incident becomes REVIEWED only once its retrospective has answered everything (on by default). */
    @DataBoundSetter
    public void setRequireRetroReadiness(boolean requireRetroReadiness) {
        this.requireRetroReadiness = requireRetroReadiness;
        changed();
    }

    public boolean isRequireBlameFreeText() {
        return requireBlameFreeText;
    }

    @DataBoundSetter
    public void setRequireBlameFreeText(boolean requireBlameFreeText) {
        this.requireBlameFreeText = requireBlameFreeText;
        changed();
    }

    public int getMaxOverrideWindowHours() {
        return maxOverrideWindowHours;
    }

    @DataBoundSetter
    public void setMaxOverrideWindowHours(int maxOverrideWindowHours) {
        PolicyFields.check(() -> GatePolicy.builder().maxOverrideWindowHours(maxOverrideWindowHours));
        this.maxOverrideWindowHours = maxOverrideWindowHours;
        changed();
    }

    public List<GateRule> getRules() {
        return rules == null ? List.of() : List.copyOf(rules);
    }

    @DataBoundSetter
    public void setRules(List<GateRule> rules) {
        this.rules = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
        changed();
    }

    /** The rules that require several distinct approvers for an override. */
    public List<ApprovalRequirement> getApprovals() {
        return approvals == null ? List.of() : List.copyOf(approvals);
    }

    @DataBoundSetter
    public void setApprovals(List<ApprovalRequirement> approvals) {
        this.approvals = approvals == null ? new ArrayList<>() : new ArrayList<>(approvals);
        changed();
    }

    public String getChangeSetTicketPattern() {
        return changeSetTicketPattern;
    }

    @DataBoundSetter
    public void setChangeSetTicketPattern(String changeSetTicketPattern) {
        String value = Util.fixEmptyAndTrim(changeSetTicketPattern);
        this.changeSetTicketPattern = value == null ? DEFAULT_TICKET_PATTERN : PolicyFields.compile(value).pattern();
        changed();
    }

    public String getStoreLocation() {
        return storeLocation;
    }

    /** Takes effect at the next start of Jenkins: the open store is never swapped under running builds. */
    @DataBoundSetter
    public void setStoreLocation(String storeLocation) {
        String value = Util.fixEmptyAndTrim(storeLocation);
        if (value != null) {
            directoryOnly(StoreLocation.parse(value, Path.of("")), value); // refused here, at save, not at the next start
        }
        this.storeLocation = value;
        changed();
    }

    public String getDatabaseUrl() {
        return databaseUrl;
    }

    /**
     * A PostgreSQL database for the events ({@code jdbc:postgresql://host:port/database}, read by the engine),
     * or empty for the journal in the store directory. Takes effect at the next start of Jenkins.
     */
    @DataBoundSetter
    public void setDatabaseUrl(String databaseUrl) {
        String value = Util.fixEmptyAndTrim(databaseUrl);
        if (value != null) {
            DatabaseAccess.location(value, Path.of("")); // refused here, at save, not at the next start
        }
        this.databaseUrl = value;
        changed();
    }

    public String getDatabaseCredentialsId() {
        return databaseCredentialsId;
    }

    /** The id of global username/password credentials for the database; resolved each time the store opens. */
    @DataBoundSetter
    public void setDatabaseCredentialsId(String databaseCredentialsId) {
        this.databaseCredentialsId = Util.fixEmptyAndTrim(databaseCredentialsId);
        changed();
    }

    /** The ticket tracker, or {@code null} when none is configured. */
    public TrackerSettings getTracker() {
        return tracker;
    }

    /** Checks the settings with the engine's validation; {@code null} disconnects the tracker. */
    @DataBoundSetter
    public void setTracker(TrackerSettings tracker) {
        if (tracker != null && !binding) {
            tracker.check();
        }
        this.tracker = tracker;
        changed();
    }

    @POST
    public FormValidation doCheckDatabaseUrl(@QueryParameter String value) {
        return PolicyFields.validate(() -> {
            if (Util.fixEmptyAndTrim(value) != null) {
                DatabaseAccess.location(value.strip(), Path.of(""));
            }
        });
    }

    /** Every global username/password credential for administrators; for anyone else only the current choice. */
    @POST
    public ListBoxModel doFillDatabaseCredentialsIdItems(@QueryParameter String databaseCredentialsId) {
        return DatabaseAccess.choices(new JenkinsFacade(), databaseCredentialsId);
    }

    /**
     * Connects to the database with the given address and credentials and reports the server's version
     * and the store's schema (Administer only; nothing is created or changed).
     */
    @POST
    public FormValidation doTestDatabaseConnection(@QueryParameter String databaseUrl,
            @QueryParameter String databaseCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return DatabaseAccess.testConnection(new JenkinsFacade(), databaseUrl, databaseCredentialsId, storeDirectory());
    }

    @POST
    public FormValidation doCheckProductionPatterns(@QueryParameter String value) {
        return PolicyFields.validate(() -> GatePolicy.builder().productionPatterns(PolicyFields.lines(value)));
    }

    @POST
    public FormValidation doCheckBlockTypes(@QueryParameter String value) {
        return PolicyFields.validate(() -> GatePolicy.builder().blockTypes(PolicyFields.types("blockTypes", value)));
    }

    @POST
    public FormValidation doCheckWarnTypes(@QueryParameter String value) {
        return PolicyFields.validate(() -> PolicyFields.types("warnTypes", value));
    }

    @POST
    public FormValidation doCheckMaxOverrideWindowHours(@QueryParameter int value) {
        return PolicyFields.validate(() -> GatePolicy.builder().maxOverrideWindowHours(value));
    }

    @POST
    public FormValidation doCheckStaleIncidentDays(@QueryParameter int value) {
        return PolicyFields.validate(() -> GatePolicy.builder().staleIncidentDays(value));
    }

    @POST
    public FormValidation doCheckChangeSetTicketPattern(@QueryParameter String value) {
        return PolicyFields.validate(() -> {
            if (Util.fixEmptyAndTrim(value) != null) {
                PolicyFields.compile(value.strip());
            }
        });
    }
}
