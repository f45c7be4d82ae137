package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.policy.ApprovalRule;
import io.jenkins.plugins.retrogate.engine.policy.Glob;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * How many distinct release managers must approve an override of the services and environments
 * matching two patterns, as the administrator writes it. The engine's {@link ApprovalRule} decides
 * what it means: the strictest matching rule wins, one approver where none matches.
 */
public final class ApprovalRequirement extends AbstractDescribableImpl<ApprovalRequirement> {
    private final String service;
    private final String environment;
    private final int required;

    /** Fails, naming the field and the value, when a pattern is not a valid glob or the number is out of range. */
    @DataBoundConstructor
    public ApprovalRequirement(String service, String environment, int required) {
        this.service = glob("service", service).toString();
        this.environment = glob("environment", environment).toString();
        this.required = required;
        toApprovalRule();
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }

    public int getRequired() {
        return required;
    }

    ApprovalRule toApprovalRule() {
        try {
            return new ApprovalRule(glob("service", service), glob("environment", environment), required);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A blank pattern means every name ({@code *}). */
    private static Glob glob(String field, String pattern) {
        try {
            return Glob.parse(field, pattern == null || pattern.isBlank() ? "*" : pattern);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Extension
    @Symbol("approvalRule")
    public static final class DescriptorImpl extends Descriptor<ApprovalRequirement> {
        private final transient JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
        }

        @Override
        public String getDisplayName() {
            return "Approvers required";
        }

        @POST
        public FormValidation doCheckService(@QueryParameter String value) {
            return check("service", value);
        }

        @POST
        public FormValidation doCheckEnvironment(@QueryParameter String value) {
            return check("environment", value);
        }

        @POST
        public FormValidation doCheckRequired(@QueryParameter String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            try {
                int number = Integer.parseInt(value == null ? "" : value.strip());
                new ApprovalRule(Glob.parse("service", "*"), Glob.parse("environment", "*"), number);
                return FormValidation.ok();
            } catch (NumberFormatException e) {
                return FormValidation.error("required '" + value + "' must be a whole number of distinct approvers"
                        + " from 1 to " + ApprovalRule.MAX_REQUIRED);
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        private FormValidation check(String field, String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            try {
                glob(field, value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
