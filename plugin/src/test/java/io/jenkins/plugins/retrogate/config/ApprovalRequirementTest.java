package io.jenkins.plugins.retrogate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.jenkins.plugins.retrogate.jenkins.FakeJenkins;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/** An approval rule as the administrator writes it: checked as typed, for administrators only, and when bound. */
class ApprovalRequirementTest {

    @Test
    void aBlankPatternMeansEveryNameAndTheRuleReachesThePolicy() {
        ApprovalRequirement rule = new ApprovalRequirement(" ", "prod-*", 3);

        assertThat(rule.getService()).isEqualTo("*");
        assertThat(rule.toApprovalRule().matches("payments", "prod-eu")).isTrue();
        assertThat(rule.toApprovalRule().matches("payments", "staging")).isFalse();
        assertThat(rule.toApprovalRule().required()).isEqualTo(3);
    }

    @Test
    void aNumberOutOfRangeOrABadPatternIsRefusedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> new ApprovalRequirement("*", "production", 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required '6' must be a whole number of distinct approvers from 1 to 5");
        assertThatThrownBy(() -> new ApprovalRequirement("pay ments", "production", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service 'pay ments'");
    }

    @Test
    void anAdministratorIsToldWhatIsWrongAsTheyType() {
        ApprovalRequirement.DescriptorImpl descriptor =
                new ApprovalRequirement.DescriptorImpl(new FakeJenkins().grant(Jenkins.ADMINISTER));

        // FormValidation's message is HTML: Jenkins escapes the quotes around the value
        assertThat(descriptor.doCheckRequired("0").getMessage()).contains("required &#039;0&#039; must be a whole number");
        assertThat(descriptor.doCheckRequired("two").getMessage()).contains("required &#039;two&#039;");
        assertThat(descriptor.doCheckRequired("2").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckEnvironment("prod eu").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void othersAreRefused() {
        ApprovalRequirement.DescriptorImpl descriptor = new ApprovalRequirement.DescriptorImpl(
                new FakeJenkins().as("pat").grant(Jenkins.READ));

        assertThatThrownBy(() -> descriptor.doCheckRequired("2")).isInstanceOf(FakeJenkins.Refused.class);
    }
}
