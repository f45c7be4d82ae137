package io.jenkins.plugins.retrogate.engine.store;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.nio.charset.StandardCharsets;

/**
 * Loads what reading any store needs (the hash chain's digest, the event reader, the state's fold) by
 * reading one sample event that touches no store. A short-lived process runs it on a second thread
 * while its first reads its command line, its policy and takes the store's lock: on a machine with a
 * spare core the two overlap, and opening the store then finds its code loaded.
 */
public final class StoreWarmUp {
    private static final byte[] SAMPLE = ("{\"event\":\"incident-opened\",\"at\":\"2026-01-01T00:00:00Z\","
            + "\"actor\":\"warm-up\",\"incidentId\":\"INC-1\",\"title\":\"warm-up\",\"services\":[\"warm-up\"],"
            + "\"detection\":\"MANUAL\",\"detectedAt\":\"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

    private StoreWarmUp() {
    }

    /**
     * Hashes, reads and folds the sample; whether all of it worked. Never throws: a failure here shows
     * again where it matters, when the store is read.
     */
    public static boolean reading() {
        try {
            String hash = new HashChain().hash(1, EventJson.FORMAT_VERSION, HashChain.GENESIS, SAMPLE);
            RetroState folded = RetroState.empty().apply(1, PlainEventReader.read(SAMPLE, 0, SAMPLE.length));
            return hash.length() == HashChain.HEX_LENGTH && folded.incidents().containsKey("INC-1");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
