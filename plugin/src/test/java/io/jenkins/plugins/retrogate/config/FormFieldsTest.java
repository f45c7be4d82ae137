package io.jenkins.plugins.retrogate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/** A refused configuration names the field, the value and what is allowed, whatever lies underneath. */
class FormFieldsTest {

    @Test
    void anUnknownChoiceNamesTheFieldTheValueAndTheChoices() {
        assertThatThrownBy(() -> FormFields.check(JSONObject.fromObject("{\"productionMode\": \"YOLO\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("productionMode 'YOLO' is not one of OFF, WARN, BLOCK");
        assertThatThrownBy(() -> FormFields.check(JSONObject.fromObject("{\"blockPriority\": \"P7\"}")))
                .hasMessage("blockPriority 'P7' is not one of P0, P1, P2");
    }

    @Test
    void aRuleIsNamedByItsPosition() {
        assertThatThrownBy(() -> FormFields.check(JSONObject.fromObject(
                "{\"rules\": [{\"scope\": \"SERVICE\", \"pattern\": \"a\", \"mode\": \"WARN\"},"
                        + " {\"scope\": \"SERVICE\", \"pattern\": \"b\", \"mode\": \"NOPE\"}]}")))
                .hasMessage("rules[1].mode 'NOPE' is not one of OFF, WARN, BLOCK");
    }

    @Test
    void hoursThatAreNotANumberAreNamedAsTyped() {
        assertThatThrownBy(() -> FormFields.check(JSONObject.fromObject("{\"maxOverrideWindowHours\": \"abc\"}")))
                .hasMessage("maxOverrideWindowHours 'abc' is not a whole number");
        assertThatThrownBy(() -> PolicyFields.check(() -> GatePolicy.builder().maxOverrideWindowHours(0)))
                .isInstanceOf(FieldException.class)
                .hasMessage("maxOverrideWindowHours '0' must be a whole number of hours from 1 to 720 (30 days)");
    }

    @Test
    void staleIncidentDaysThatAreNotANumberOrOutOfRangeAreNamedAsTyped() {
        assertThatThrownBy(() -> FormFields.check(JSONObject.fromObject("{\"staleIncidentDays\": \"a week\"}")))
                .hasMessage("staleIncidentDays 'a week' is not a whole number");
        assertThatThrownBy(() -> PolicyFields.check(() -> GatePolicy.builder().staleIncidentDays(-1)))
                .isInstanceOf(FieldException.class)
                .hasMessage("staleIncidentDays '-1' must be 0 (off) or a whole number of days from 1 to 365");
    }

    @Test
    void validChoicesPass() {
        FormFields.check(JSONObject.fromObject("{\"productionMode\": \"WARN\", \"warnPriority\": \"P1\","
                + " \"maxOverrideWindowHours\": \"12\", \"rules\": {\"scope\": \"FOLDER\", \"mode\": \"OFF\"}}"));
    }

    @Test
    void theFormErrorIsOurMessageNotTheCauseUnderneath() {
        FieldException pattern = catchField(() -> PolicyFields.compile("(unclosed"));
        RuntimeException wrapped = new IllegalArgumentException("Failed to invoke setter", pattern);

        assertThat(RetroGateConfiguration.reason(wrapped))
                .startsWith("changeSetTicketPattern '(unclosed' is not a regular expression");
        assertThat(RetroGateConfiguration.reason(new IllegalArgumentException("No enum constant x.Y.Z")))
                .isEqualTo("The configuration could not be read: No enum constant x.Y.Z");
    }

    private static FieldException catchField(Runnable action) {
        try {
            action.run();
        } catch (FieldException e) {
            return e;
        }
        throw new AssertionError("no FieldException");
    }
}
