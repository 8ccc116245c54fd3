package parc.orchestrator.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * A network's block of addresses (IPv4 or IPv6, with its prefix), in canonical form, and
 * the addresses a sweep may probe in it. The arithmetic is the ipaddress library's.
 */
public final class NetworkRange {

	/** IPv6 networks are swept only when this small: /120 is 256 addresses. */
	public static final int SHORTEST_SWEPT_IPV6_PREFIX = 120;

	private final IPAddress block;

	private NetworkRange(IPAddress block) {
		this.block = block;
	}

	/**
	 * Reads {@code 198.51.100.0/24}, {@code 198.51.100.7/24} (the block it lies in) or
	 * {@code 2001:db8::/120}.
	 * @throws InvalidNetworkException naming {@code address} when it is not such a block
	 * or is one no sweep may touch (multicast, loopback, the unspecified address)
	 */
	public static NetworkRange parse(String text) {
		IPAddressString parsed = new IPAddressString((text == null) ? "" : text.strip());
		IPAddress address = parsed.getAddress();
		if (address == null || !parsed.isPrefixed()) {
			throw new InvalidNetworkException("address",
					"\"" + text + "\" is not a network: write an address and its prefix, as 198.51.100.0/24");
		}
		NetworkRange range = new NetworkRange(address.toPrefixBlock());
		range.checkUsable();
		return range;
	}

	/**
	 * The network a card's address and mask put it on, when they make one worth knowing:
	 * not loopback, link-local, multicast, unspecified or a single host.
	 * @param mask dotted ({@code 255.255.255.0}) or a prefix length ({@code 24})
	 */
	public static Optional<NetworkRange> ofCard(String address, String mask) {
		if (address == null || mask == null || address.isBlank() || mask.isBlank()) {
			return Optional.empty();
		}
		IPAddress parsed = new IPAddressString(address.strip() + "/" + mask.strip()).getAddress();
		if (parsed == null || parsed.getNetworkPrefixLength() == null || parsed.isLinkLocal()) {
			return Optional.empty();
		}
		NetworkRange range = new NetworkRange(parsed.toPrefixBlock());
		if (range.prefix() >= range.block.getBitCount() - 1) {
			return Optional.empty();
		}
		try {
			range.checkUsable();
			return Optional.of(range);
		}
		catch (InvalidNetworkException ex) {
			return Optional.empty();
		}
	}

	private void checkUsable() {
		if (this.block.isMulticast()) {
			throw new InvalidNetworkException("address", cidr() + " is a multicast block: it cannot be swept");
		}
		if (this.block.isLoopback()) {
			throw new InvalidNetworkException("address", cidr() + " is this server's loopback block");
		}
		if (this.block.getLower().isZero() && this.prefix() == 0) {
			throw new InvalidNetworkException("address", cidr() + " is every address: give a network");
		}
		if (this.block.getLower().isZero() && this.block.isIPv4() && this.prefix() < 8) {
			throw new InvalidNetworkException("address", cidr() + " holds the unspecified address 0.0.0.0");
		}
	}

	/** Canonical: {@code 198.51.100.0/24}, {@code 2001:db8::/120}. */
	public String cidr() {
		return this.block.toCanonicalString();
	}

	public int version() {
		return this.block.isIPv4() ? 4 : 6;
	}

	public int prefix() {
		return this.block.getNetworkPrefixLength();
	}

	/** Addresses a sweep probes: the block less, in IPv4, its network and broadcast. */
	public BigInteger sweptCount() {
		BigInteger count = this.block.getCount();
		return (this.block.isIPv4() && prefix() <= 30) ? count.subtract(BigInteger.TWO) : count;
	}

	/** IPv4 of any size, IPv6 of /120 or longer. */
	public boolean sweepable() {
		return this.block.isIPv4() || prefix() >= SHORTEST_SWEPT_IPV6_PREFIX;
	}

	/**
	 * Whether the address is this IPv4 block's network or broadcast address, which a
	 * probe must not target (blocks of /31 and /32 have none).
	 */
	public boolean isNetworkOrBroadcast(String address) {
		IPAddress parsed = new IPAddressString(address).getAddress();
		if (parsed == null || !this.block.isIPv4() || prefix() > 30) {
			return false;
		}
		IPAddress host = parsed.withoutPrefixLength();
		return host.equals(this.block.getLower().withoutPrefixLength())
				|| host.equals(this.block.getUpper().withoutPrefixLength());
	}

	public boolean contains(String address) {
		IPAddress parsed = new IPAddressString(address).getAddress();
		return parsed != null && this.block.contains(parsed.withoutPrefixLength());
	}

	/**
	 * The addresses a sweep probes, in order: never the network, broadcast or unspecified
	 * address, nor a multicast one.
	 */
	public Iterator<InetAddress> sweptAddresses() {
		Iterator<? extends IPAddress> all = this.block.withoutPrefixLength().iterator();
		IPAddress first = this.block.getLower().withoutPrefixLength();
		IPAddress last = this.block.getUpper().withoutPrefixLength();
		boolean skipEnds = this.block.isIPv4() && prefix() <= 30;
		return new Iterator<>() {

			private IPAddress next = advance();

			private IPAddress advance() {
				while (all.hasNext()) {
					IPAddress candidate = all.next();
					if (skipEnds && (candidate.equals(first) || candidate.equals(last))) {
						continue;
					}
					if (candidate.isZero() || candidate.isMulticast()) {
						continue;
					}
					return candidate;
				}
				return null;
			}

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public InetAddress next() {
				if (this.next == null) {
					throw new NoSuchElementException();
				}
				InetAddress address = this.next.toInetAddress();
				this.next = advance();
				return address;
			}
		};
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof NetworkRange range && range.cidr().equals(cidr());
	}

	@Override
	public int hashCode() {
		return cidr().hashCode();
	}

	@Override
	public String toString() {
		return cidr();
	}

}
