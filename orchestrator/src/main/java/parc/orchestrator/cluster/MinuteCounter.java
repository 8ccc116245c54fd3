package parc.orchestrator.cluster;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Counts events over the last minute, in one-second buckets, without a lock: each bucket
 * remembers the second it counts, and a bucket of an older second starts again at zero.
 */
final class MinuteCounter {

	private static final int SECONDS = 60;

	private final AtomicLongArray counts = new AtomicLongArray(SECONDS);

	private final AtomicLongArray seconds = new AtomicLongArray(SECONDS);

	private final LongSupplier epochSecond;

	MinuteCounter(LongSupplier epochSecond) {
		this.epochSecond = epochSecond;
		for (int i = 0; i < SECONDS; i++) {
			this.seconds.set(i, Long.MIN_VALUE);
		}
	}

	void add() {
		long now = this.epochSecond.getAsLong();
		int bucket = (int) Math.floorMod(now, SECONDS);
		long counted = this.seconds.get(bucket);
		if (counted != now && this.seconds.compareAndSet(bucket, counted, now)) {
			this.counts.set(bucket, 0);
		}
		this.counts.incrementAndGet(bucket);
	}

	/** Events in the 60 seconds up to now, this one included. */
	int lastMinute() {
		long now = this.epochSecond.getAsLong();
		long total = 0;
		for (int i = 0; i < SECONDS; i++) {
			long second = this.seconds.get(i);
			if (second > now - SECONDS && second <= now) {
				total += this.counts.get(i);
			}
		}
		return (int) Math.min(Integer.MAX_VALUE, total);
	}

}
