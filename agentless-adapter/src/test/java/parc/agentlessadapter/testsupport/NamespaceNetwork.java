package parc.agentlessadapter.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A test network of Linux network namespaces: a bridge in this host's namespace holding
 * the first address of a documentation /24 (RFC 5737), and test hosts, each a namespace
 * joined to the bridge by a veth pair. Only a /24 that no route of this host already
 * covers is used, and every probe's route is checked to leave through the bridge, so no
 * packet of a test reaches a real network. Needs root and iproute2 (nftables for a silent
 * host): {@code scripts/install-test-packages.sh}.
 */
public final class NamespaceNetwork implements AutoCloseable {

	private static final List<String> DOCUMENTATION_RANGES = List.of("198.51.100", "203.0.113", "192.0.2");

	private final String tag;

	private final String prefix;

	private final String bridge;

	private final Map<String, Host> hosts = new LinkedHashMap<>();

	private NamespaceNetwork(String tag, String prefix) {
		this.tag = tag;
		this.prefix = prefix;
		this.bridge = "pb" + tag;
	}

	/**
	 * Builds the bridge on the first documentation /24 this host does not route already.
	 */
	public static NamespaceNetwork create() throws IOException, InterruptedException {
		if (!"root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("the network namespace tests must run as root");
		}
		String routes = run("ip", "-4", "route", "show", "table", "all");
		String addresses = run("ip", "-4", "-o", "addr", "show");
		String free = DOCUMENTATION_RANGES.stream()
			.filter((range) -> !routes.contains(range + ".") && !addresses.contains(range + "."))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"every documentation range is routed on this host already: no safe test network"));
		byte[] random = new byte[3];
		new SecureRandom().nextBytes(random);
		NamespaceNetwork network = new NamespaceNetwork(HexFormat.of().formatHex(random), free);
		try {
			run("ip", "link", "add", network.bridge, "type", "bridge");
			run("ip", "addr", "add", network.address(1) + "/24", "dev", network.bridge);
			run("ip", "link", "set", network.bridge, "up");
		}
		catch (IOException | RuntimeException ex) {
			network.close();
			throw ex;
		}
		return network;
	}

	/**
	 * The discovery tests' network: a real sshd at .10, a host answering ICMP only at
	 * .11, a printer-like host listening on 9100 at .12 and a silent one at .13, every
	 * route checked to stay on the bridge.
	 */
	public static FourHosts createWithFourHosts() throws IOException, InterruptedException {
		NamespaceNetwork network = create();
		try {
			Host ssh = network.addHost("ssh", 10);
			ssh.startSshd(22);
			Host ping = network.addHost("ping", 11);
			Host printer = network.addHost("printer", 12);
			printer.startSshd(9100);
			Host silent = network.addHost("silent", 13).silence();
			for (int host = 1; host <= 254; host += 23) {
				network.checkRoutedHere(network.address(host));
			}
			return new FourHosts(network, ssh, ping, printer, silent);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			network.close();
			throw ex;
		}
	}

	/** {@code 198.51.100.0/24}, or whichever documentation /24 was free. */
	public String cidr() {
		return this.prefix + ".0/24";
	}

	public String address(int host) {
		return this.prefix + "." + host;
	}

	/**
	 * A test host at {@code .number}, answering ICMP echo and refusing every TCP port.
	 */
	public Host addHost(String name, int number) throws IOException, InterruptedException {
		String namespace = "parc-" + this.tag + "-" + name;
		String outside = "pv" + this.tag + number;
		String inside = "eth0";
		run("ip", "netns", "add", namespace);
		Host host = new Host(namespace, outside, address(number));
		this.hosts.put(name, host);
		run("ip", "link", "add", outside, "type", "veth", "peer", "name", "pi" + this.tag + number);
		run("ip", "link", "set", "pi" + this.tag + number, "netns", namespace);
		run("ip", "netns", "exec", namespace, "ip", "link", "set", "pi" + this.tag + number, "name", inside);
		run("ip", "link", "set", outside, "master", this.bridge);
		run("ip", "link", "set", outside, "up");
		run("ip", "netns", "exec", namespace, "ip", "addr", "add", host.address() + "/24", "dev", inside);
		run("ip", "netns", "exec", namespace, "ip", "link", "set", inside, "up");
		run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
		host.mac = run("ip", "netns", "exec", namespace, "cat", "/sys/class/net/" + inside + "/address").strip()
			.toUpperCase(Locale.ROOT);
		return host;
	}

	/** Takes a host off the network: its namespace and link are deleted. */
	public void removeHost(String name) throws IOException, InterruptedException {
		Host host = this.hosts.remove(name);
		if (host != null) {
			host.delete();
		}
	}

	/**
	 * Checks that traffic to the address leaves through the bridge (or is the bridge's
	 * own), never through a real interface.
	 */
	public void checkRoutedHere(String address) throws IOException, InterruptedException {
		String route = run("ip", "route", "get", address);
		if (!route.contains("dev " + this.bridge + " ") && !route.startsWith("local ")) {
			throw new IllegalStateException("traffic to " + address + " would not stay on the test bridge: " + route);
		}
	}

	@Override
	public void close() {
		for (Host host : new ArrayList<>(this.hosts.values())) {
			host.delete();
		}
		this.hosts.clear();
		quietly("ip", "link", "del", this.bridge);
	}

	static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

	private static void quietly(String... command) {
		try {
			new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// Cleaning up: what is left is named after the test run's tag.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The network of {@link #createWithFourHosts()} and its hosts.
	 *
	 * @param network the network, to close after
	 * @param ssh a real sshd on port 22
	 * @param ping answers ICMP echo, refuses every TCP port
	 * @param printer a listener on 9100
	 * @param silent drops everything
	 */
	public record FourHosts(NamespaceNetwork network, Host ssh, Host ping, Host printer, Host silent) {

	}

	/** A test host: a namespace with one address on the test network. */
	public static final class Host {

		private final String namespace;

		private final String link;

		private final String address;

		private final List<AutoCloseable> servers = new ArrayList<>();

		private String mac;

		private Host(String namespace, String link, String address) {
			this.namespace = namespace;
			this.link = link;
			this.address = address;
		}

		public String namespace() {
			return this.namespace;
		}

		public String address() {
			return this.address;
		}

		public InetAddress inetAddress() throws IOException {
			return InetAddress.getByName(this.address);
		}

		/** Its MAC, upper case with colons. */
		public String mac() {
			return this.mac;
		}

		/** Drops every packet it receives: no echo, no refusal, nothing. */
		public Host silence() throws IOException, InterruptedException {
			run("ip", "netns", "exec", this.namespace, "nft", "add", "table", "inet", "parc_silence");
			run("ip", "netns", "exec", this.namespace, "nft", "add", "chain", "inet", "parc_silence", "input",
					"{ type filter hook input priority 0; policy drop; }");
			return this;
		}

		/** A real OpenSSH server on one of its ports. */
		public OpenSshServer startSshd(int port) throws IOException, InterruptedException {
			OpenSshServer server = OpenSshServer.startInNamespace(this.namespace, this.address, port);
			this.servers.add(server);
			return server;
		}

		private void delete() {
			for (AutoCloseable server : this.servers) {
				try {
					server.close();
				}
				catch (Exception ex) {
					// Going away with its namespace.
				}
			}
			quietly("ip", "link", "del", this.link);
			quietly("ip", "netns", "del", this.namespace);
		}

	}

}
