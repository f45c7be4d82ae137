package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.HashChain;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The byte layout of one journal line (see {@code docs/storage.md}):
 * <pre>{"seq":N,"v":V,"prev":"&lt;sha-256 hex&gt;","event":{…},"hash":"&lt;sha-256 hex&gt;","crc":"&lt;crc32c hex&gt;"}\n</pre>
 * {@code hash} is the SHA-256 of the bytes before {@code ,"hash"} (so it covers {@code prev}: a chain), exactly
 * as {@link HashChain} defines it for every backend;
 * {@code crc} is the CRC32C of the bytes before {@code ,"crc"}. The keys are always in this order, so
 * a line is checked without a JSON parser and stays a plain JSON object for {@code jq} and friends.
 * Instances hold a reusable digest and are not thread-safe.
 */
final class RecordFormat {
    /** The {@code prev} of the first record. */
    static final String GENESIS = HashChain.GENESIS;
    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] V = ascii(",\"v\":");
    private static final byte[] PREV = ascii(",\"prev\":\"");
    private static final byte[] EVENT = ascii("\",\"event\":");
    private static final byte[] HASH = ascii(",\"hash\":\"");
    private static final byte[] CRC = ascii("\",\"crc\":\"");
    private static final byte[] END = ascii("\"}\n");
    private static final byte[] HEX = ascii("0123456789abcdef");
    /** {@code ,"hash":"} + 64: the hash field after the event JSON. */
    static final int HASH_FIELD = HASH.length + 64;
    /** {@code ,"hash":"} + 64 + {@code ","crc":"} + 8 + {@code "}}: what follows the event JSON. */
    static final int TRAILER = HASH.length + 64 + CRC.length + 8 + 2;

    private final HashChain chain = new HashChain();
    private final CRC32C crc = new CRC32C();

    /** An encoded line (newline included) and its hash. */
    @SuppressWarnings("ArrayRecordComponent") // handed on without a copy, never compared or hashed
    record Encoded(byte[] line, String hash) {
    }

    /** A line that passed its checks; {@code event*} delimit the event JSON inside {@code bytes}. */
    @SuppressWarnings("ArrayRecordComponent") // handed on without a copy, never compared or hashed
    record Decoded(long seq, int version, String prev, String hash, byte[] bytes, int eventStart, int eventEnd) {
    }

    Encoded encode(long seq, int version, String prev, byte[] eventJson) {
        byte[] head = HashChain.head(seq, version, prev);
        int length = head.length + eventJson.length + TRAILER + 1;
        byte[] line = new byte[length];
        int p = put(line, 0, head);
        p = put(line, p, eventJson);
        int hashed = p;
        p = put(line, p, HASH);
        int hashAt = p;
        chain.hashInto(line, hashed, line, hashAt);
        p += HashChain.HEX_LENGTH;
        crc.reset();
        crc.update(line, 0, p);
        p = put(line, p, CRC);
        long value = crc.getValue();
        for (int shift = 28; shift >= 0; shift -= 4) {
            line[p++] = HEX[(int) (value >> shift) & 0xf];
        }
        put(line, p, END);
        return new Encoded(line, new String(line, hashAt, HashChain.HEX_LENGTH, StandardCharsets.US_ASCII));
    }

    /**
     * Checks a line (without its newline) and splits it, or says what is wrong with it.
     *
     * @return the decoded record, or {@code null} with {@code why[0]} set
     */
    Decoded decode(byte[] b, int length, String[] why) {
        return decode(b, length, why, true);
    }

    /**
     * Like {@link #decode(byte[], int, String[])}; without {@code checkHash} the SHA-256 is left for
     * the caller to check with {@link #hashMatches} (start-up does it on other threads).
     */
    Decoded decode(byte[] b, int length, String[] why, boolean checkHash) {
        int crcAt = length - 2 - 8 - CRC.length;
        int hashAt = crcAt - 64 - HASH.length;
        if (hashAt < SEQ.length || b[length - 1] != '}' || b[length - 2] != '"' || !at(b, crcAt, CRC)
                || !at(b, hashAt, HASH) || !at(b, 0, SEQ)) {
            why[0] = "not a journal record";
            return null;
        }
        crc.reset();
        crc.update(b, 0, crcAt);
        if (crc.getValue() != parseHex(b, crcAt + CRC.length, 8)) {
            why[0] = "checksum (CRC32C) mismatch";
            return null;
        }
        if (checkHash && !hashMatches(b, hashAt)) {
            why[0] = HASH_MISMATCH;
            return null;
        }
        int p = SEQ.length;
        int seqEnd = digits(b, p, hashAt);
        int vAt = seqEnd;
        if (seqEnd == p || !at(b, vAt, V)) {
            why[0] = "malformed sequence number";
            return null;
        }
        long seq = Long.parseLong(new String(b, p, seqEnd - p, StandardCharsets.US_ASCII));
        int vStart = vAt + V.length;
        int vEnd = digits(b, vStart, hashAt);
        if (vEnd == vStart || vEnd - vStart > 9 || !at(b, vEnd, PREV) || !at(b, vEnd + PREV.length + 64, EVENT)) {
            why[0] = "malformed version or prev";
            return null;
        }
        int version = Integer.parseInt(new String(b, vStart, vEnd - vStart, StandardCharsets.US_ASCII));
        String prev = new String(b, vEnd + PREV.length, 64, StandardCharsets.US_ASCII);
        String hash = new String(b, hashAt + HASH.length, 64, StandardCharsets.US_ASCII);
        int eventStart = vEnd + PREV.length + 64 + EVENT.length;
        return new Decoded(seq, version, prev, hash, b, eventStart, hashAt);
    }

    static final String HASH_MISMATCH = HashChain.HASH_MISMATCH;

    /** Whether the SHA-256 of {@code b[0, hashAt)} is the hex written after {@code ,"hash":"} at {@code hashAt}. */
    boolean hashMatches(byte[] b, int hashAt) {
        return chain.matches(b, hashAt, hashAt + HASH.length);
    }

    private static int digits(byte[] b, int from, int limit) {
        int p = from;
        while (p < limit && p - from < 19 && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    private static long parseHex(byte[] b, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = Character.digit(b[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static boolean at(byte[] b, int offset, byte[] expected) {
        return offset >= 0 && offset + expected.length <= b.length
                && Arrays.equals(b, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
