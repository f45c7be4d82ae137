package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Instants in snapshots as one integer, nanoseconds since the epoch (exact, and several times
 * faster to read than ISO text or decimal seconds); an instant outside the years 1678–2261 falls
 * back to ISO text. Snapshots only: the journal keeps ISO-8601 text, which people read.
 */
final class SnapshotInstants {
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private SnapshotInstants() {
    }

    /** The instant {@code nanos} nanoseconds from the epoch. */
    static Instant ofNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The same, for a count beyond a {@code long} (as a JSON integer may be). */
    static Instant ofNanos(BigInteger nanos) {
        BigInteger[] parts = nanos.divideAndRemainder(BILLION);
        return Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValue());
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("retro-gate-snapshot-instants");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
                try {
                    out.writeNumber(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000_000L),
                            value.getNano()));
                } catch (ArithmeticException e) {
                    out.writeString(value.toString());
                }
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                if (in.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    if (in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return ofNanos(in.getBigIntegerValue());
                    }
                    return ofNanos(in.getLongValue());
                }
                if (in.currentToken() == JsonToken.VALUE_STRING) {
                    return Instant.parse(in.getText());
                }
                return (Instant) context.handleUnexpectedToken(Instant.class, in);
            }
        });
        return module;
    }
}
