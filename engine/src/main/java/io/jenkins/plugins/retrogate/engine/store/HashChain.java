package io.jenkins.plugins.retrogate.engine.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The tamper-evident chain every store backend keeps, so that the records of any backend verify the
 * same way. Record {@code n} is hashed over exactly these bytes:
 * <pre>{"seq":n,"v":V,"prev":"&lt;hash of record n-1&gt;","event":&lt;the event's JSON&gt;</pre>
 * (the {@code prev} of record 1 is {@link #GENESIS}); the hash is SHA-256, written as 64 lowercase
 * hex digits. Changing, removing, reordering or inserting a record breaks every hash after it.
 * Instances hold a reusable digest and are not thread-safe.
 */
public final class HashChain {
    /** The {@code prev} of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /** What a record whose hash does not match its bytes is told. */
    public static final String HASH_MISMATCH = "hash (SHA-256) mismatch";
    /** How many hex digits a hash has. */
    public static final int HEX_LENGTH = 64;

    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] V = ascii(",\"v\":");
    private static final byte[] PREV = ascii(",\"prev\":\"");
    private static final byte[] EVENT = ascii("\",\"event\":");
    private static final byte[] HEX = ascii("0123456789abcdef");

    private final MessageDigest sha256;

    public HashChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The bytes the hash covers before the event's JSON: <code>{"seq":n,"v":V,"prev":"…","event":</code>. */
    public static byte[] head(long seq, int version, String prev) {
        if (prev.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("prev '" + prev + "' is not a " + HEX_LENGTH + "-digit hash");
        }
        byte[] seqText = ascii(Long.toString(seq));
        byte[] vText = ascii(Integer.toString(version));
        byte[] head = new byte[SEQ.length + seqText.length + V.length + vText.length + PREV.length + HEX_LENGTH
                + EVENT.length];
        int p = put(head, 0, SEQ);
        p = put(head, p, seqText);
        p = put(head, p, V);
        p = put(head, p, vText);
        p = put(head, p, PREV);
        p = put(head, p, ascii(prev));
        put(head, p, EVENT);
        return head;
    }

    /** The hash of a record, as 64 hex digits. */
    public String hash(long seq, int version, String prev, byte[] eventJson) {
        sha256.reset();
        sha256.update(head(seq, version, prev));
        sha256.update(eventJson);
        byte[] hex = new byte[HEX_LENGTH];
        writeHex(sha256.digest(), hex, 0);
        return new String(hex, StandardCharsets.US_ASCII);
    }

    /**
     * Hashes {@code bytes[0, length)}, which must be a record's {@link #head} followed by its event's
     * JSON, and writes the 64 hex digits into {@code target} at {@code at} (a journal line holds both).
     */
    public void hashInto(byte[] bytes, int length, byte[] target, int at) {
        sha256.reset();
        sha256.update(bytes, 0, length);
        writeHex(sha256.digest(), target, at);
    }

    /** Whether the hash of {@code bytes[0, length)} is the 64 hex digits found in {@code bytes} at {@code hexAt}. */
    public boolean matches(byte[] bytes, int length, int hexAt) {
        sha256.reset();
        sha256.update(bytes, 0, length);
        byte[] digest = sha256.digest();
        for (int i = 0; i < digest.length; i++) {
            int h = hexAt + 2 * i;
            if (bytes[h] != HEX[(digest[i] >> 4) & 0xf] || bytes[h + 1] != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /**
     * What breaks the chain where record {@code seq} (whose {@code prev} is given) follows the record
     * before it, or {@code null} when it links: the sequence must be {@code expectedSeq} and {@code prev}
     * the hash of the record before ({@code expectedPrev}; {@code null} when that record is not known,
     * e.g. the first record read after a snapshot).
     */
    public static String brokenLink(long expectedSeq, String expectedPrev, long seq, String prev) {
        if (seq != expectedSeq) {
            return "sequence number " + seq + " where " + expectedSeq
                    + " was expected (a record is duplicated, missing or out of place)";
        }
        if (expectedPrev != null && !expectedPrev.equals(prev)) {
            return "hash chain broken: 'prev' is not the hash of the record before";
        }
        return null;
    }

    private static void writeHex(byte[] digest, byte[] target, int at) {
        int p = at;
        for (byte b : digest) {
            target[p++] = HEX[(b >> 4) & 0xf];
            target[p++] = HEX[b & 0xf];
        }
    }

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
