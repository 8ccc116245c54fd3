package parc.orchestrator.cluster;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node ({@code parc.node.*}).
 *
 * @param name how the console, the logs, the engine and the database (as the connections'
 * application name) call this node; unique in a cluster. The host name unless set.
 * @param address where an administrator reaches this node, shown on the Cluster page;
 * this host's name and Parc's port unless set
 */
@ConfigurationProperties("parc.node")
public record NodeProperties(String name, String address) {

	/**
	 * What PostgreSQL keeps of an application name (63 bytes) and a log line can show.
	 */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

	public NodeProperties {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("parc.node.name must be 1 to 63 letters, digits, dots, dashes or"
					+ " underscores, starting with a letter or digit: '" + name + "'");
		}
	}

}
