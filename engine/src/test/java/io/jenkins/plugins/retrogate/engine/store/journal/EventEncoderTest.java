package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's event writer must produce exactly the mapper's bytes, {@link EventJson}'s JSON, and read back. */
class EventEncoderTest {

    @Test
    void writesExactlyWhatEventJsonWrites() throws Exception {
        InMemoryStore store = new InMemoryStore();
        Story story = new Story(store);
        for (int i = 0; i < 12; i++) {
            story.round(i);
        }
        story.rollback("svc-1");
        List<Event> events = new ArrayList<>(store.events(1, Integer.MAX_VALUE).stream()
                .map(RecordedEvent::event).toList());
        events.add(new IncidentOpened(Instant.parse("2026-01-01T00:00:00.123456789Z"), "zoë", "INC-99",
                "Ünïcode \"quoted\" \\ title ✓ \ud83d\ude80", Severity.SEV1, List.of("a", "b"), Detection.ALERT,
                Instant.EPOCH, null, null, "line\nbreak"));
        events.add(new IncidentDetailsChanged(Instant.EPOCH, "alice", "INC-99", "t", null, null, null));
        assertThat(events.stream().map(e -> e.getClass().getSimpleName()).distinct()).hasSizeGreaterThan(6);
        for (Event event : events) {
            byte[] fast = EventEncoder.encode(event);
            assertThat(new String(fast, StandardCharsets.UTF_8))
                    .isEqualTo(new String(EventEncoder.encodeWithMapper(event), StandardCharsets.UTF_8));
            // the same JSON as EventJson's text, but for characters beyond the BMP, which bytes hold escaped
            assertThat(EventJson.mapper().readTree(fast)).isEqualTo(EventJson.mapper().readTree(EventJson.write(event)));
            assertThat(EventDecoder.decode(fast, 0, fast.length)).isEqualTo(event);
        }
    }

    @Test
    void aRecordWhoseEventMissesAFieldItsConstructorNeedsIsMalformedOnBothReadingPaths() {
        IncidentOpened opened = new IncidentOpened(Instant.EPOCH, "alice", "INC-1", "t", Severity.SEV1, List.of("a"),
                Detection.ALERT, Instant.EPOCH, null, null, null);
        // no "services": the record's constructor refuses null
        String streamed = EventJson.write(opened).replaceFirst(",\"services\":\\[[^]]*]", "");
        String typeLast = streamed.replace("\"event\":\"incident-opened\",", "")
                .replaceFirst("}$", ",\"event\":\"incident-opened\"}");
        assertThat(streamed).startsWith("{\"event\":\"incident-opened\",").doesNotContain("services");
        assertThat(typeLast).endsWith(",\"event\":\"incident-opened\"}");

        for (String json : List.of(streamed, typeLast)) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> EventDecoder.decode(bytes, 0, bytes.length)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("event of type 'incident-opened' is malformed");
        }
    }

    @Test
    void aJournalLineWithTheDecisionAsTheOldCodeWroteItReadsOnBothPathsAndAnUnknownOneIsRefused() throws Exception {
        // written by the engine before the decision became an enum: the same text
        String old = "{\"event\":\"gate-decided\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":\"alice\","
                + "\"service\":\"cart\",\"environment\":\"production\",\"buildUrl\":\"https://ci/job/8/\","
                + "\"requestedBy\":\"alice\",\"decision\":\"BLOCK\",\"requestId\":\"REQ-1\"}";
        String typeLast = old.replace("\"event\":\"gate-decided\",", "").replaceFirst("}$", ",\"event\":\"gate-decided\"}");

        for (String json : List.of(old, typeLast)) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            GateDecided read = (GateDecided) EventDecoder.decode(bytes, 0, bytes.length);
            assertThat(read.decision()).isEqualTo(Decision.BLOCK);
            assertThat(EventJson.write(read)).isEqualTo(old);
            byte[] unknown = json.replace("\"BLOCK\"", "\"STOP\"").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> EventDecoder.decode(unknown, 0, unknown.length)).isInstanceOf(IOException.class)
                    .hasMessage("event of type 'gate-decided' is malformed: decision 'STOP' is not one of"
                            + " ALLOW, WARN, BLOCK, OVERRIDDEN");
        }
    }
}
