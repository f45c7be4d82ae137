package io.jenkins.plugins.retrogate.security;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActorsTest {

    @Test
    void requesterIsTheUserWhoStartedTheBuild() {
        assertThat(Actors.requester(List.of(new Cause.RemoteCause("host", "note"), new Cause.UserIdCause("alice"))))
                .isEqualTo("alice");
    }

    @Test
    void noUserNoRequester() {
        assertThat(Actors.requester(List.of(new Cause.RemoteCause("host", "note")))).isNull();
        assertThat(Actors.requester(List.of(new Cause.UserIdCause(null)))).isNull();
    }

    @Test
    void veryLongBuildNamesKeepTheirEnd() {
        String id = "a".repeat(300) + "/deploy#12";
        assertThat(Actors.buildName(id)).hasSize(Actors.MAX_NAME).endsWith("/deploy#12").startsWith("…");
        assertThat(Actors.buildName("team/deploy#3")).isEqualTo("team/deploy#3");
    }

    @Test
    void permissionsAreHandedToTheEngine() {
        assertThat(Actors.of("bob", true, false).permissions()).containsExactly(Permission.OVERRIDE);
        assertThat(Actors.of("carol", false, true).permissions()).containsExactly(Permission.MANAGE);
        assertThat(Actors.of("dave", false, false).permissions()).isEmpty();
    }
}
