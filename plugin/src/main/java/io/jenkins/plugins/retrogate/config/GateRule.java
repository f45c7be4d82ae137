package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.Glob;
import io.jenkins.plugins.retrogate.engine.policy.PolicyRule;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One per-service or per-folder exception to the production mode, as the administrator writes it.
 * The engine's {@link PolicyRule} decides what it means.
 */
public final class GateRule extends AbstractDescribableImpl<GateRule> {
    private final PolicyRule.Scope scope;
    private final String pattern;
    private final GateMode mode;

    /** Fails, naming the field, when the pattern is not a valid glob. */
    @DataBoundConstructor
    public GateRule(PolicyRule.Scope scope, String pattern, GateMode mode) {
        this.scope = scope == null ? PolicyRule.Scope.SERVICE : scope;
        this.pattern = parse(pattern).toString();
        this.mode = mode == null ? GateMode.BLOCK : mode;
    }

    public PolicyRule.Scope getScope() {
        return scope;
    }

    public String getPattern() {
        return pattern;
    }

    public GateMode getMode() {
        return mode;
    }

    PolicyRule toPolicyRule() {
        return new PolicyRule(scope, parse(pattern), mode);
    }

    private static Glob parse(String pattern) {
        try {
            return Glob.parse("pattern", pattern);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Extension
    @Symbol("gateRule")
    public static final class DescriptorImpl extends Descriptor<GateRule> {
        private final transient JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
        }

        @Override
        public String getDisplayName() {
            return "Gate rule";
        }

        /** The engine's glob check, for administrators (the rules are part of the global configuration). */
        @POST
        public FormValidation doCheckPattern(@QueryParameter String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            try {
                Glob.parse("pattern", value);
                return FormValidation.ok();
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
