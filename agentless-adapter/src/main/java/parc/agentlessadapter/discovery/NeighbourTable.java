package parc.agentlessadapter.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's neighbour table (ARP for IPv4, NDP for IPv6), read with iproute2's
 * {@code ip neigh}: the MAC of a host on a directly attached network that has just
 * answered. Hosts behind a router have no entry.
 */
public class NeighbourTable {

	private static final Pattern LLADDR = Pattern.compile("\\blladdr ([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\\b");

	private final String ipCommand;

	/**
	 * @param ipCommand the iproute2 {@code ip} program, {@code ip} on the PATH by default
	 */
	public NeighbourTable(String ipCommand) {
		this.ipCommand = ipCommand;
	}

	public NeighbourTable() {
		this("ip");
	}

	/** The address's MAC, when the table holds a usable entry for it. */
	public Optional<String> macOf(InetAddress address) {
		// The address comes from InetAddress: digits, dots and colons only, never shell
		// text; and no shell runs it anyway.
		ProcessBuilder builder = new ProcessBuilder(this.ipCommand, "neigh", "show", address.getHostAddress())
			.redirectErrorStream(true);
		try {
			Process process = builder.start();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
			}
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.empty();
			}
			return parse(output);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** The MAC of the first entry that has one, ignoring incomplete and failed ones. */
	static Optional<String> parse(String output) {
		for (String line : output.split("\n")) {
			if (line.contains("FAILED") || line.contains("INCOMPLETE")) {
				continue;
			}
			Matcher matcher = LLADDR.matcher(line);
			if (matcher.find()) {
				String mac = matcher.group(1).toUpperCase(Locale.ROOT);
				if (!mac.equals("00:00:00:00:00:00")) {
					return Optional.of(mac);
				}
			}
		}
		return Optional.empty();
	}

}
