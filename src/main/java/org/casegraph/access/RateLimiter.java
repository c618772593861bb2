package org.casegraph.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (API key, or address for anonymous callers), filled at a
 * steady rate and charged each request's query cost, so that expensive requests use up a
 * budget faster than cheap ones.
 */
final class RateLimiter {

    private final double capacity;

    private final double perNano;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(long budgetPerMinute) {
        this.capacity = budgetPerMinute;
        this.perNano = budgetPerMinute / 60e9;
    }

    /**
     * What charging a request means: allowed, or refused with how many seconds until it
     * would be.
     */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    Decision charge(String caller, long cost) {
        Bucket bucket = this.buckets.computeIfAbsent(caller, (key) -> new Bucket(this.capacity, System.nanoTime()));
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.perNano);
            bucket.updated = now;
            if (cost > this.capacity) {
                return new Decision(false, 60);
            }
            if (bucket.tokens >= cost) {
                bucket.tokens -= cost;
                return new Decision(true, 0);
            }
            return new Decision(false, (long) Math.ceil((cost - bucket.tokens) / this.perNano / 1e9));
        }
    }

    private static final class Bucket {

        private double tokens;

        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

    }

}
