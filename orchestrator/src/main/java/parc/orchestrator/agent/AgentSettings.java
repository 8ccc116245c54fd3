package parc.orchestrator.agent;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How Parc answers OCS agents, as OCS's own server options name them.
 *
 * @param frequencyDays FREQUENCY: an agent sends an inventory when its last one is older
 * than this many days; 0 = at every contact, -1 = never
 * @param prologFrequencyHours PROLOG_FREQ: how often agents come back, in hours
 * @param authenticationRequired whether agents must send HTTP Basic credentials
 * @param username the agents' user name, when required
 * @param passwordHash the agents' password, hashed; never shown back
 * @param realm the realm of the Basic challenge; agents must be configured with exactly
 * this string ({@code --realm})
 * @param allowedNetworks source networks agents may connect from ({@code 192.0.2.0/24},
 * {@code 2001:db8::/32}, single addresses); empty = any
 * @param tagLabel the label the console and Windows agents show for the TAG
 */
public record AgentSettings(@Min(-1) @Max(3650) int frequencyDays, @Min(1) @Max(8760) int prologFrequencyHours,
		boolean authenticationRequired, @Size(max = 64) String username, String passwordHash,
		@NotBlank @Size(max = 100) String realm, @Size(max = 200) List<String> allowedNetworks,
		@NotBlank @Size(max = 100) String tagLabel) {

	public static final String DEFAULT_REALM = "OCS Inventory NG";

	public AgentSettings {
		allowedNetworks = (allowedNetworks != null) ? List.copyOf(allowedNetworks) : List.of();
		realm = (realm != null) ? realm : DEFAULT_REALM;
		tagLabel = (tagLabel != null) ? tagLabel : "TAG";
	}

	/** OCS's own defaults: inventory at every contact, agents back every 10 hours. */
	public static AgentSettings defaults() {
		return new AgentSettings(0, 10, false, null, null, DEFAULT_REALM, List.of(), "TAG");
	}

	/** The same settings without the password hash, for display. */
	public AgentSettings withoutSecret() {
		return new AgentSettings(this.frequencyDays, this.prologFrequencyHours, this.authenticationRequired,
				this.username, null, this.realm, this.allowedNetworks, this.tagLabel);
	}

}
