package parc.orchestrator.testsupport;

import java.util.concurrent.ThreadLocalRandom;

import parc.orchestrator.network.InvalidNetworkException;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkDraft;
import parc.orchestrator.network.NetworkService;

/**
 * Declares a network no other test of a shared database holds yet. Tests that drew a
 * block at random from a documentation /24 met each other's blocks now and then (a
 * handful of draws among 32 or 64 blocks), so the draw is tried again on a network "known
 * already", in the benchmarking range 198.18.0.0/15 (RFC 2544, never routed), which has
 * room for 8 192 blocks of /28. Nothing is ever sent to these addresses: the tests that
 * sweep them answer with a stand-in prober.
 */
public final class FreeNetworks {

	private static final int ATTEMPTS = 50;

	private FreeNetworks() {
	}

	/**
	 * Declares a free network of the given prefix length (24 to 30) named after
	 * {@code name}.
	 */
	public static Network declare(NetworkService networks, int prefixLength, String name) {
		if (prefixLength < 24 || prefixLength > 30) {
			throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 24..30");
		}
		InvalidNetworkException last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String cidr = randomBlock(prefixLength);
			try {
				return networks.create(new NetworkDraft(name, cidr, null, null, null), "alice");
			}
			catch (InvalidNetworkException ex) {
				if (!ex.getMessage().contains("known already")) {
					throw ex;
				}
				last = ex;
			}
		}
		throw new IllegalStateException("no free /" + prefixLength + " after " + ATTEMPTS + " draws", last);
	}

	private static String randomBlock(int prefixLength) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int size = 1 << (32 - prefixLength);
		int third = random.nextInt(512);
		int fourth = size * random.nextInt(256 / size);
		return "198." + (18 + third / 256) + "." + (third % 256) + "." + fourth + "/" + prefixLength;
	}

}
