package io.jenkins.plugins.retrogate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PolicyTextTest {

    @Property
    void aListReadsTheSameBetweenCommasNewLinesOrSpaces(
            @ForAll @Size(max = 6) List<@AlphaChars @StringLength(min = 1, max = 10) String> entries) {
        assertThat(PolicyText.list(String.join(", ", entries))).isEqualTo(entries);
        assertThat(PolicyText.list(String.join("\n", entries))).isEqualTo(entries);
        assertThat(PolicyText.list(" " + String.join("  ", entries) + "\n")).isEqualTo(entries);
    }

    @Test
    void itemTypesReadByNameInAnyCaseAndWriteBackInOrder() {
        assertThat(PolicyText.types("blockTypes", "mitigative,\npreventative")).containsExactlyInAnyOrder(
                ItemType.MITIGATIVE, ItemType.PREVENTATIVE);
        assertThat(PolicyText.names(PolicyText.types("blockTypes", "PREVENTATIVE mitigative")))
                .isEqualTo(PolicyText.names(java.util.EnumSet.of(ItemType.MITIGATIVE, ItemType.PREVENTATIVE)));
        assertThat(PolicyText.types("warnTypes", "  ")).isEmpty();
    }

    @Test
    void anUnknownTypeOrABrokenRegexIsRefusedNamingFieldAndValue() {
        assertThatThrownBy(() -> PolicyText.types("blockTypes", "preventative, bogus"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("blockTypes");
                    assertThat(e.value()).isEqualTo("bogus");
                    assertThat(e.allowed()).contains("is not one of").contains("PREVENTATIVE");
                });
        assertThatThrownBy(() -> PolicyText.ticketPattern("changeSetTicketPattern", "INC-(\\d+"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("changeSetTicketPattern");
                    assertThat(e.value()).isEqualTo("INC-(\\d+");
                    assertThat(e.allowed()).startsWith("is not a regular expression");
                });
        assertThat(PolicyText.ticketPattern("changeSetTicketPattern", "INC-\\d+").matcher("INC-42").matches()).isTrue();
    }
}
