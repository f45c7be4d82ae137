package io.jenkins.plugins.retrogate.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import io.jenkins.plugins.retrogate.jenkins.Links;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.ui.ItemRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code retroActionItem(incident:, title:, priority:, type:, owner:, ticket:)}: adds an action
 * item from a retrospective to an incident; returns the item's id.
 */
public class RetroActionItemStep extends Step {
    private final String incident;
    private final String title;
    private final String priority;
    private final String type;
    private final String owner;
    private String ticket;
    private String services;
    private String due;

    @DataBoundConstructor
    public RetroActionItemStep(String incident, String title, String priority, String type, String owner) {
        this.incident = incident;
        this.title = title;
        this.priority = priority;
        this.type = type;
        this.owner = owner;
    }

    public String getIncident() {
        return incident;
    }

    public String getTitle() {
        return title;
    }

    public String getPriority() {
        return priority;
    }

    public String getType() {
        return type;
    }

    public String getOwner() {
        return owner;
    }

    public String getTicket() {
        return ticket;
    }

    @DataBoundSetter
    public void setTicket(String ticket) {
        this.ticket = ticket == null || ticket.isBlank() ? null : ticket.strip();
    }

    public String getServices() {
        return services;
    }

    /** Services the item guards, comma separated; empty for the incident's affected services, {@code *} for all. */
    @DataBoundSetter
    public void setServices(String services) {
        this.services = services == null || services.isBlank() ? null : services.strip();
    }

    public String getDue() {
        return due;
    }

    /** Due date, {@code yyyy-MM-dd}. */
    @DataBoundSetter
    public void setDue(String due) {
        this.due = due == null || due.isBlank() ? null : due.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RecordingExecution(context, getDescriptor().getFunctionName(), this::add);
    }

    private String add(StepContext context) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        NewActionItem input = newItem();
        ActionItem item = EngineCall.run(engine -> engine.addItem(Actors.build(run), input));
        RetroGateBuildAction.update(run, action -> action.add(new ItemRecord(item)));
        listener.getLogger().println("[Retro Gate] Action item " + item.id() + " (" + item.priority() + " "
                + item.type() + ") added to " + item.incidentId() + ": "
                + new JenkinsFacade().getAbsoluteUrl(Links.item(item.id())));
        input.hints().forEach(hint -> listener.getLogger().println("[Retro Gate] Wording hint: " + hint.message()));
        return item.id();
    }

    private NewActionItem newItem() {
        List<String> guarded = services == null ? List.of()
                : Arrays.stream(services.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new NewActionItem(incident, title, Choices.parse(Priority.class, "priority", priority),
                Choices.parse(ItemType.class, "type", type), owner, ticket, guarded, dueDate());
    }

    private LocalDate dueDate() {
        try {
            return due == null ? null : LocalDate.parse(due);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("due", due, "is not a date: use yyyy-MM-dd, e.g. 2026-03-31");
        }
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        private final transient JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
        }

        @Override
        public String getFunctionName() {
            return "retroActionItem";
        }

        @Override
        public String getDisplayName() {
            return "Retro Gate: add an action item to an incident";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            Object title = namedArgs.get("title");
            return title == null ? null : String.valueOf(title);
        }

        @POST
        public ListBoxModel doFillPriorityItems(@AncestorInPath Item item) {
            return StepForms.fill(jenkins, item, () -> StepForms.choices(Priority.values()));
        }

        @POST
        public ListBoxModel doFillTypeItems(@AncestorInPath Item item) {
            return StepForms.fill(jenkins, item, () -> StepForms.choices(ItemType.values()));
        }
    }
}
