package dev.quorum.lincheck;

import java.util.Arrays;

/**
 * Lowe's cache: every (set of linearized operations, model state) the search has entered. Entering one a
 * second time could only repeat the work of the first, so the search skips it; this is what turns Wing and
 * Gong's exponential search into one that is fast on most real histories. An open-addressing table keyed by a
 * hash the search keeps up to date as it goes (one random word per operation, XORed in and out), so a lookup
 * that misses costs no allocation. A set is stored without its leading all-linearized words and trailing
 * empty ones, which in a long history are nearly all of it.
 */
final class Memo {

    private long[] hashes = new long[1024];
    private Object[] states = new Object[1024];
    private long[][] words = new long[1024][];
    private int[] offsets = new int[1024];
    private int size;

    /** Adds the entry unless it is there; true when it was not. {@code hash} covers both {@code bits} and {@code state}. */
    boolean add(long[] bits, Object state, long hash) {
        int mask = hashes.length - 1;
        int slot = (int) mix(hash) & mask;
        while (words[slot] != null) {
            if (hashes[slot] == hash && states[slot].equals(state) && sameSet(bits, words[slot], offsets[slot])) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        int lo = 0;
        while (lo < bits.length && bits[lo] == -1L) {
            lo++;
        }
        int hi = bits.length;
        while (hi > lo && bits[hi - 1] == 0) {
            hi--;
        }
        hashes[slot] = hash;
        states[slot] = state;
        words[slot] = Arrays.copyOfRange(bits, lo, hi);
        offsets[slot] = lo;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    private static boolean sameSet(long[] bits, long[] stored, int lo) {
        for (int k = 0; k < bits.length; k++) {
            long expected = k < lo ? -1L : k - lo < stored.length ? stored[k - lo] : 0L;
            if (bits[k] != expected) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long[] oldHashes = hashes;
        Object[] oldStates = states;
        long[][] oldWords = words;
        int[] oldOffsets = offsets;
        int capacity = oldHashes.length * 2;
        hashes = new long[capacity];
        states = new Object[capacity];
        words = new long[capacity][];
        offsets = new int[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < oldHashes.length; k++) {
            if (oldWords[k] != null) {
                int slot = (int) mix(oldHashes[k]) & mask;
                while (words[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[k];
                states[slot] = oldStates[k];
                words[slot] = oldWords[k];
                offsets[slot] = oldOffsets[k];
            }
        }
    }

    /** Murmur3's finalizer: spreads a hash's bits so that neighbouring slots get unrelated entries. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
