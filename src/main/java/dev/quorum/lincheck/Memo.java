package dev.quorum.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowe's cache, with subsumption for info operations: every configuration the search has entered, so that
 * it never explores one that can do no more than one it has explored already. A configuration is the set of
 * linearized ok operations, the set of linearized info operations, the model state, and whether only a
 * non-blind operation may come next. Lowe's memo skips a configuration seen before; since an info operation
 * may always be left out, one that has placed more info operations (same ok ones, same state, same
 * restriction) can do no more than one that placed fewer, so it is skipped as well. Without that, every
 * timed-out write doubles the configurations before a violation deep in a history.
 *
 * <p>An open-addressing table keyed by a hash of the ok set (kept up to date by the search, one random word
 * per operation XORed in and out), the state and the restriction; each slot keeps the info sets seen with
 * its key. A lookup that misses allocates nothing. An ok set is stored without its leading all-linearized
 * words and trailing empty ones, which in a long history are nearly all of it.
 */
final class Memo {

    private long[] hashes = new long[1024];
    private Object[] states = new Object[1024];
    private long[][] words = new long[1024][];
    private int[] offsets = new int[1024];
    private boolean[] restricted = new boolean[1024];
    /** Per slot, a {@code long[]} (one info set) or a {@code List<long[]>} (several, none a subset of another). */
    private Object[] infoSets = new Object[1024];
    private int keys;

    /**
     * Records the configuration and returns true, unless it or one it is subsumed by is there already.
     * {@code hash} covers {@code okBits}, {@code state} and {@code restrictedNext}, not {@code infoBits}.
     */
    boolean add(long[] okBits, long[] infoBits, Object state, boolean restrictedNext, long hash) {
        int mask = hashes.length - 1;
        int slot = (int) mix(hash) & mask;
        while (words[slot] != null) {
            if (hashes[slot] == hash && restricted[slot] == restrictedNext && states[slot].equals(state)
                    && sameSet(okBits, words[slot], offsets[slot])) {
                return addInfo(slot, infoBits);
            }
            slot = (slot + 1) & mask;
        }
        int lo = 0;
        while (lo < okBits.length && okBits[lo] == -1L) {
            lo++;
        }
        int hi = okBits.length;
        while (hi > lo && okBits[hi - 1] == 0) {
            hi--;
        }
        hashes[slot] = hash;
        states[slot] = state;
        words[slot] = Arrays.copyOfRange(okBits, lo, hi);
        offsets[slot] = lo;
        restricted[slot] = restrictedNext;
        infoSets[slot] = infoBits.clone();
        if (++keys * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private boolean addInfo(int slot, long[] infoBits) {
        Object seen = infoSets[slot];
        List<long[]> list;
        if (seen instanceof long[] one) {
            if (subset(one, infoBits)) {
                return false;
            }
            list = new ArrayList<>(2);
            list.add(one);
            infoSets[slot] = list;
        } else {
            list = (List<long[]>) seen;
            for (long[] s : list) {
                if (subset(s, infoBits)) {
                    return false;
                }
            }
        }
        list.removeIf(s -> subset(infoBits, s));
        list.add(infoBits.clone());
        return true;
    }

    private static boolean subset(long[] small, long[] large) {
        for (int k = 0; k < small.length; k++) {
            if ((small[k] & ~large[k]) != 0) {
                return false;
            }
        }
        return true;
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
        boolean[] oldRestricted = restricted;
        Object[] oldInfo = infoSets;
        int capacity = oldHashes.length * 2;
        hashes = new long[capacity];
        states = new Object[capacity];
        words = new long[capacity][];
        offsets = new int[capacity];
        restricted = new boolean[capacity];
        infoSets = new Object[capacity];
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
                restricted[slot] = oldRestricted[k];
                infoSets[slot] = oldInfo[k];
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
