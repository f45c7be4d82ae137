package io.jenkins.plugins.retrogate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * A pipeline's {@code mode} reads the same from the Jenkins step and the CLI: empty is the policy's
 * mode, {@code block}, {@code warn} and {@code off} in any case, anything else refused naming the
 * field, the value and the choices.
 */
class GateModeTest {
    @Test
    void everyModeIsReadInAnyCaseAndEmptyMeansThePolicys() {
        assertThat(GateMode.requested("mode", " Block ")).isEqualTo(GateMode.BLOCK);
        assertThat(GateMode.requested("mode", "warn")).isEqualTo(GateMode.WARN);
        assertThat(GateMode.requested("mode", "OFF")).isEqualTo(GateMode.OFF);
        assertThat(GateMode.requested("mode", "  ")).isNull();
        assertThat(GateMode.requested("mode", null)).isNull();
    }

    @Test
    void anUnknownModeIsRefusedNamingTheChoices() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> GateMode.requested("--mode", "hard"));

        assertThat(error.field()).isEqualTo("--mode");
        assertThat(error.value()).isEqualTo("hard");
        assertThat(error.allowed()).contains("OFF", "WARN", "BLOCK");
    }
}
