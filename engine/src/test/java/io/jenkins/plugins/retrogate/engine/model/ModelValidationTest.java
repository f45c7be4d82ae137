package io.jenkins.plugins.retrogate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValidationTest {

    @Test
    void namesAreTrimmedAndCaseInsensitive() {
        assertThat(Names.service("service", "  Checkout-API ")).isEqualTo("checkout-api");
        assertThat(Names.environment("environment", "PROD-eu")).isEqualTo("prod-eu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "check out", "api/v2", "ünicode", "*"})
    void badServiceNamesAreRefusedNamingFieldValueAndRule(String name) {
        assertThatThrownBy(() -> Names.service("service", name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("service '" + name + "' is not a valid name: use 1-100 characters of letters, digits, "
                        + "'.', '_' and '-'")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("service");
    }

    @Test
    void nameOfAHundredCharactersIsTheLongestAllowed() {
        assertThat(Names.service("service", "a".repeat(100))).hasSize(100);
        assertThatThrownBy(() -> Names.service("service", "a".repeat(101))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyItemScopesAcceptEveryService() {
        assertThat(Names.guardedService("service", " * ")).isEqualTo(Names.EVERY_SERVICE);
    }

    @Test
    void enumChoicesForgiveCaseAndDashesAndListTheAllowedValues() {
        assertThat(Detection.parse("detection", "customer-report")).isEqualTo(Detection.CUSTOMER_REPORT);
        assertThat(Priority.parse("priority", "p1")).isEqualTo(Priority.P1);
        assertThatThrownBy(() -> Priority.parse("priority", "P7"))
                .hasMessage("priority 'P7' is not one of P0, P1, P2");
    }

    @Test
    void p0IsTheMostUrgent() {
        assertThat(Priority.P0.atLeast(Priority.P1)).isTrue();
        assertThat(Priority.P2.atLeast(Priority.P0)).isFalse();
    }

    @Test
    void idsAreParsedForgivingCase() {
        assertThat(Ids.parseIncident("incident", " inc-12 ")).isEqualTo("INC-12");
        assertThat(Ids.parseItem("item", "inc-12-a3")).isEqualTo("INC-12-A3");
        assertThatThrownBy(() -> Ids.parseIncident("incident", "INC-0"))
                .hasMessage("incident 'INC-0' is not an incident id like INC-12");
        assertThatThrownBy(() -> Ids.parseItem("item", "../../etc/passwd"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ticketsAreRecognisedByShape() {
        assertThat(Ticket.parse("ticket", "pay-123")).isEqualTo(new Ticket(TicketSystem.JIRA, "PAY-123", null));
        assertThat(Ticket.parse("ticket", "acme/shop#42").system()).isEqualTo(TicketSystem.GITHUB);
        assertThat(Ticket.parse("ticket", "#42").system()).isEqualTo(TicketSystem.GITHUB);
        assertThat(Ticket.parse("ticket", "https://tracker.example/T-1").url()).isEqualTo("https://tracker.example/T-1");
        assertThatThrownBy(() -> Ticket.parse("ticket", "javascript:alert(1)")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tooLongTextIsRefusedWithItsLength() {
        assertThatThrownBy(() -> InvalidInputException.requireText("title", "x".repeat(201), 200))
                .hasMessageContaining("is 201 characters long; at most 200 are allowed");
    }
}
