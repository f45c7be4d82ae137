package io.jenkins.plugins.retrogate.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChangeSetTicketsTest {
    private static final Pattern DEFAULT = Pattern.compile(RetroGateConfiguration.DEFAULT_TICKET_PATTERN);

    @Test
    void findsItemIdsJiraKeysAndGitHubIssuesInOrder() {
        List<String> keys = ChangeSetTickets.find(List.of(
                "PAY-123: alert on error rate (fixes INC-4-A2)",
                "Merge acme/shop#42 and PAY-123 again"), DEFAULT);
        assertThat(keys).containsExactly("PAY-123", "INC-4-A2", "acme/shop#42");
    }

    @Test
    void anItemIdIsNotReadAsAJiraKey() {
        assertThat(ChangeSetTickets.find(List.of("INC-12-A3 done"), DEFAULT)).containsExactly("INC-12-A3");
    }

    @Test
    void messagesWithoutKeysGiveNothing() {
        assertThat(ChangeSetTickets.find(List.of("refactor", "bump version to 1.2"), DEFAULT)).isEmpty();
    }

    @Test
    void aCustomPatternIsUsedAsGiven() {
        assertThat(ChangeSetTickets.find(List.of("closes #17, see OPS-1"), Pattern.compile("#\\d+")))
                .containsExactly("#17");
    }

    @Test
    void stopsAtTheCap() {
        StringBuilder message = new StringBuilder();
        for (int i = 1; i <= ChangeSetTickets.MAX_TICKETS + 10; i++) {
            message.append("KEY-").append(i).append(' ');
        }
        assertThat(ChangeSetTickets.find(List.of(message.toString()), DEFAULT)).hasSize(ChangeSetTickets.MAX_TICKETS);
    }
}
