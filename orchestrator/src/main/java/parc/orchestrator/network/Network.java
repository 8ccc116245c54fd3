package parc.orchestrator.network;

import java.time.Instant;

/**
 * A network as stored.
 *
 * @param id its id
 * @param name shown everywhere; the address until an admin renames it
 * @param cidr its block, canonical ({@code 198.51.100.0/24})
 * @param ipVersion 4 or 6
 * @param prefix the prefix length
 * @param description free text
 * @param site where it is, free text
 * @param source learned or declared
 * @param ignored hidden from lists by default and never swept
 * @param createdBy the admin who declared it, null when learned
 * @param createdAt when
 * @param updatedAt last change
 */
public record Network(long id, String name, String cidr, int ipVersion, int prefix, String description, String site,
		NetworkSource source, boolean ignored, String createdBy, Instant createdAt, Instant updatedAt) {

	public NetworkRange range() {
		return NetworkRange.parse(this.cidr);
	}

}
