package parc.orchestrator.machineimport;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a CSV column can fill. The keys are a public contract of
 * {@code /api/machine-imports} ({@code mapping}); administrative fields are mapped as
 * {@code admin.<key>}, and {@link #IGNORE} leaves a column out. A column whose header is
 * one of the aliases (ignoring case, accents, spaces and punctuation) is mapped to the
 * field by default.
 */
public enum MachineImportField {

	NAME("name", "name", "machine", "hostname", "host", "nom", "machinename"),

	ADDRESS("address", "address", "ip", "ipaddress", "adresse", "adresseip", "dns"),

	MAC_ADDRESSES("macAddresses", "macaddresses", "mac", "macs", "macaddress", "adressemac"),

	OS_FAMILY("osFamily", "osfamily", "os", "system", "systeme", "famille", "famillesysteme"),

	CHANNEL("channel", "channel", "canal"),

	SSH_PORT("sshPort", "sshport", "port"),

	SSH_USER("sshUser", "sshuser", "user", "utilisateur", "login"),

	CREDENTIAL("credential", "credential", "credentialname", "identifiant"),

	TAGS("tags", "tags", "labels", "etiquettes"),

	NOTES("notes", "notes", "comment", "comments", "commentaire"),

	/** OCS's TAG, kept with the administrative data. */
	TAG("tag", "tag"),

	IGNORE("ignore");

	private final String key;

	private final List<String> aliases;

	MachineImportField(String key, String... aliases) {
		this.key = key;
		this.aliases = List.of(aliases);
	}

	public String key() {
		return this.key;
	}

	public static Optional<MachineImportField> byKey(String key) {
		return Arrays.stream(values()).filter((field) -> field.key.equals(key)).findFirst();
	}

	/** The field a header names, by its aliases. */
	static Optional<MachineImportField> byHeader(String header) {
		String simple = simplify(header);
		return Arrays.stream(values()).filter((field) -> field != IGNORE && field.aliases.contains(simple)).findFirst();
	}

	/** Lower case, no accents, letters and digits only: "Adresse MAC" is "adressemac". */
	static String simplify(String header) {
		String plain = Normalizer.normalize((header != null) ? header : "", Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
