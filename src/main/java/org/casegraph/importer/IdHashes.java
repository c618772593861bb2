package org.casegraph.importer;

/**
 * A set of 64-bit hashes of ids, in a flat array: a few million relationship ids fit in
 * tens of megabytes instead of the best part of a gigabyte as strings. A hash seen twice
 * means a duplicate id or, very rarely, two ids with the same hash, so the caller
 * confirms with the ids themselves.
 */
final class IdHashes {

    private long[] table;

    private int size;

    IdHashes(long expected) {
        int capacity = 1024;
        while (capacity < expected * 2 && capacity < (1 << 30)) {
            capacity <<= 1;
        }
        this.table = new long[capacity];
    }

    /** Adds the id's hash; false if the hash was there already. */
    boolean add(String id) {
        if (this.size * 10L >= this.table.length * 7L) {
            grow();
        }
        return insert(this.table, hash(id));
    }

    private boolean insert(long[] into, long hash) {
        int mask = into.length - 1;
        for (int slot = (int) hash & mask;; slot = (slot + 1) & mask) {
            if (into[slot] == 0) {
                into[slot] = hash;
                if (into == this.table) {
                    this.size++;
                }
                return true;
            }
            if (into[slot] == hash) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = this.table;
        this.table = new long[old.length * 2];
        for (long hash : old) {
            if (hash != 0) {
                insert(this.table, hash);
            }
        }
    }

    /**
     * FNV-1a over the characters, then MurmurHash3's finalizer to spread the bits; never
     * 0 (the empty slot).
     */
    static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }

}
