package io.jenkins.plugins.retrogate.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.jenkins.FakeJenkins;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/**
 * The snippet generator's checks and choices answer whoever may configure the job whose Pipeline Syntax
 * page asks (Item/Configure), or an administrator on the global page; anyone else gets no verdict.
 */
class StepFormsTest {
    private static final AccessControlled JOB = () -> {
        throw new UnsupportedOperationException("the fake decides");
    };
    private static final AccessControlled OTHER_JOB = () -> {
        throw new UnsupportedOperationException("the fake decides");
    };

    private final FakeJenkins jenkins = new FakeJenkins().as("pat");

    @Test
    void onAJobsPageConfigureOnThatJobIsWhatCounts() {
        jenkins.grant(Jenkins.READ).grantOn(JOB, Item.CONFIGURE).grantOn(OTHER_JOB, Item.READ);

        assertThat(StepForms.mayConfigure(jenkins, JOB)).isTrue();
        assertThat(StepForms.mayConfigure(jenkins, OTHER_JOB)).isFalse();
        assertThat(StepForms.mayConfigure(jenkins, null)).as("the global page").isFalse();
    }

    @Test
    void administratorsMayEverywhere() {
        jenkins.grant(Jenkins.ADMINISTER);

        assertThat(StepForms.mayConfigure(jenkins, JOB)).isTrue();
        assertThat(StepForms.mayConfigure(jenkins, null)).isTrue();
    }

    @Test
    void theGlobalPageChecksServiceAndEnvironmentNamesForAnAdministrator() {
        RetroGateStep.DescriptorImpl descriptor = new RetroGateStep.DescriptorImpl(jenkins.grant(Jenkins.ADMINISTER));

        FormValidation badService = descriptor.doCheckService(null, "checkout api!");
        FormValidation noEnvironment = descriptor.doCheckEnvironment(null, " ");

        assertThat(badService.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(badService.getMessage()).contains("service").contains("checkout api!");
        assertThat(noEnvironment.getMessage()).isEqualTo("environment is required");
        assertThat(descriptor.doCheckService(null, "${SERVICE}").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void someoneWhoMayNotConfigureGetsNoVerdict() {
        RetroGateStep.DescriptorImpl descriptor = new RetroGateStep.DescriptorImpl(jenkins.grant(Jenkins.READ));

        FormValidation result = descriptor.doCheckService(null, "checkout api!");

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(result.getMessage()).isNull();
    }

    @Test
    void choicesAreOfferedOnlyToThoseWhoMayConfigure() {
        FakeJenkins admin = new FakeJenkins().grant(Jenkins.ADMINISTER);
        FakeJenkins reader = new FakeJenkins().grant(Jenkins.READ);

        assertThat(values(new RetroActionItemStep.DescriptorImpl(admin).doFillPriorityItems(null)))
                .containsExactly("P0", "P1", "P2");
        assertThat(values(new RetroActionItemStep.DescriptorImpl(admin).doFillTypeItems(null)))
                .containsExactly("PREVENTATIVE", "MITIGATIVE", "OTHER");
        assertThat(values(new RetroGateStep.DescriptorImpl(admin).doFillModeItems(null)))
                .containsExactly("", "block", "warn", "off");
        assertThat(new RetroActionItemStep.DescriptorImpl(reader).doFillPriorityItems(null)).isEmpty();
        assertThat(new RetroGateStep.DescriptorImpl(reader).doFillModeItems(null)).isEmpty();
    }

    private static java.util.List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }
}
