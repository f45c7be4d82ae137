package io.jenkins.plugins.retrogate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.XStream2;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The build's record is saved by XStream while steps add to it: a save never meets a list being changed. */
class RetroGateBuildActionTest {
    private static final int WRITERS = 4;
    private static final int RECORDS_EACH = 400;

    @Test
    void savingWhileOtherThreadsAddNeverFailsAndLosesNothing() throws Exception {
        XStream2 xstream = new XStream2();
        RetroGateBuildAction action = new RetroGateBuildAction();
        GateDecision decision = GateEvaluator.evaluate(RetroState.empty(), GatePolicy.defaults(),
                GateRequest.of("checkout-api", "production", null, "job/p/1/", "alice", List.of(), null,
                        Instant.parse("2026-12-02T10:00:00Z")));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < RECORDS_EACH; i++) {
                    action.add(new GateRecord(decision, null, null));
                }
                return null;
            }));
        }
        start.countDown();
        int saves = 0;
        while (writers.stream().anyMatch(f -> !f.isDone())) {
            xstream.toXML(action); // what WorkflowRun.save() does, without our lock
            saves++;
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        RetroGateBuildAction readBack = (RetroGateBuildAction) xstream.fromXML(xstream.toXML(action));
        assertThat(saves).isPositive();
        assertThat(readBack.getGates()).hasSize(WRITERS * RECORDS_EACH);
    }

    @Test
    void aRecordSavedBeforeAKindOfRecordExistedReadsBackEmpty() {
        XStream2 xstream = new XStream2();
        String old = "<io.jenkins.plugins.retrogate.ui.RetroGateBuildAction><gates/></io.jenkins.plugins.retrogate.ui.RetroGateBuildAction>";

        RetroGateBuildAction readBack = (RetroGateBuildAction) xstream.fromXML(old);

        assertThat(readBack.getDeployments()).isEmpty();
        assertThat(readBack.getIncidents()).isEmpty();
        assertThat(readBack.getItems()).isEmpty();
    }
}
