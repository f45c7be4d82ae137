package io.jenkins.plugins.retrogate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.jenkins.plugins.retrogate.jenkins.FakeJenkins;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/** A gate rule's pattern is checked as the administrator types it, and for nobody else. */
class GateRuleTest {

    @Test
    void anAdministratorIsToldWhatIsWrongWithAPattern() {
        GateRule.DescriptorImpl descriptor = new GateRule.DescriptorImpl(new FakeJenkins().grant(Jenkins.ADMINISTER));

        FormValidation bad = descriptor.doCheckPattern("prod eu");

        assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(bad.getMessage()).contains("pattern").contains("prod eu").contains("is not a valid pattern");
        assertThat(descriptor.doCheckPattern("prod-*").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void othersAreRefused() {
        GateRule.DescriptorImpl descriptor = new GateRule.DescriptorImpl(new FakeJenkins().as("pat")
                .grant(Jenkins.READ));

        assertThatThrownBy(() -> descriptor.doCheckPattern("prod-*")).isInstanceOf(FakeJenkins.Refused.class)
                .hasMessageContaining("pat");
    }
}
