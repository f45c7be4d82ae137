package io.jenkins.plugins.retrogate.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    /**
     * Every event type the journal knows changes the state through some aggregate's transitions: a
     * new type added to {@link EventTypes} without one fails here, not as a silently ignored event.
     * Each type is applied to an empty state with plain values; an event that names something no
     * earlier event created is refused as a corrupt log, which shows it reached its transition.
     */
    @Test
    void everyEventTypeHasATransition() {
        for (Map.Entry<String, Class<? extends Event>> type : EventTypes.byName().entrySet()) {
            Event event = sample(type.getValue());
            try {
                assertThat(Transitions.apply(RetroState.empty(), event)).as(type.getKey()).isNotNull();
            } catch (IllegalStateException e) {
                assertThat(e.getMessage()).as(type.getKey()).doesNotStartWith("no transition");
            }
        }
    }

    @Test
    void anEventReachesOnlyItsOwnAggregate() {
        NextState n = new NextState(RetroState.empty());
        Event opened = sample(IncidentOpened.class);
        Event added = sample(ItemAdded.class);

        assertThat(ItemTransitions.apply(n, opened)).isFalse();
        assertThat(DeploymentTransitions.apply(n, opened)).isFalse();
        assertThat(OverrideTransitions.apply(n, opened)).isFalse();
        assertThat(IncidentTransitions.apply(n, added)).isFalse();
        assertThat(n.build()).isEqualTo(RetroState.empty());
    }

    @Test
    void anItemOfAnIncidentNoEarlierEventOpenedIsACorruptLog() {
        assertThatThrownBy(() -> Transitions.apply(RetroState.empty(), sample(ItemAdded.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the event log names incident INC-1, which no earlier event created");
    }

    private static Event sample(Class<? extends Event> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(components).map(c -> value(c.getName(), c.getType())).toArray();
        try {
            Constructor<? extends Event> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("cannot make a sample " + type.getSimpleName(), e);
        }
    }

    private static Object value(String name, Class<?> type) {
        if (type == String.class) {
            return name.toLowerCase(java.util.Locale.ROOT).contains("incident") ? "INC-1"
                    : name.toLowerCase(java.util.Locale.ROOT).contains("url") ? "https://ci/job/1/" : "X-1";
        } else if (type == Instant.class) {
            return Instant.EPOCH;
        } else if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        } else if (type == List.class) {
            return List.of();
        } else if (type == Set.class) {
            return Set.of();
        } else if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == DeploymentRef.class) {
            return new DeploymentRef("DEP-1", null, null, "https://ci/job/1/", "cart", "production", null);
        }
        return null;
    }
}
