package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer of events writes exactly the data-binding mapper's bytes: the journal's hash
 * chain, an export and another backend all see the same record whichever of the two wrote it.
 */
class PlainEventWriterTest {
    @Property(tries = 800)
    void everyEventIsWrittenByteForByteAsTheMapperWritesIt(@ForAll("events") Event event) throws Exception {
        String text = PlainEventWriter.text(event);
        byte[] bytes = PlainEventWriter.bytes(event);

        assertThat(text).as(event.toString()).isEqualTo(EventJson.writeWithMapper(event)).isEqualTo(EventJson.write(event));
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(new String(EventJson.mapper().writeValueAsBytes(EventJson.toTree(event)), StandardCharsets.UTF_8));
        Statistics.collect(EventTypes.nameOf(event));
        Statistics.coverage(checker -> EventTypes.byName().keySet()
                .forEach(type -> checker.check(type).count(n -> n > 0)));
    }

    @Test
    void textIsEscapedAsTheMapperEscapesItInTextAndInBytes() throws Exception {
        Event opened = new IncidentOpened(Instant.parse("2026-01-01T00:00:00.123456789Z"), "zo\u00eb", "INC-9",
                "\u00dcn\u00efcode \"quoted\" \\ \u2713 \ud83d\ude80 \u0001 tab\t", Severity.SEV1, List.of("a", "b"),
                Detection.ALERT, Instant.EPOCH, null, null, "line\nbreak");

        assertThat(PlainEventWriter.text(opened)).isEqualTo(EventJson.writeWithMapper(opened))
                .contains("\\\"quoted\\\" \\\\", "\\u0001", "\\t", "\\n", "\u2713", "\ud83d\ude80");
        assertThat(new String(PlainEventWriter.bytes(opened), StandardCharsets.UTF_8))
                .isEqualTo(new String(EventJson.mapper().writeValueAsBytes(EventJson.toTree(opened)), StandardCharsets.UTF_8))
                .contains("\\uD83D\\uDE80");
    }

    @Provide
    Arbitrary<Event> events() {
        return PlainEventReaderTest.anyEvent();
    }
}
