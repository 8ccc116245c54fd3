package parc.agentlessadapter.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import parc.agentlessadapter.probe.Pinger;

/**
 * Probes one address: the ICMP echo and every TCP connect start together and share one
 * time limit, so a silent address costs that limit once, not once per port. Only an
 * address that answered is asked for its name, SSH banner and MAC.
 */
public class AddressScanner {

	/** An SSH banner line is at most 255 bytes (RFC 4253 §4.2). */
	private static final int MAX_BANNER = 255;

	private final Pinger pinger;

	private final NeighbourTable neighbours;

	private final ExecutorService lookups;

	/**
	 * @param lookups where reverse DNS lookups run, so that a slow resolver costs at most
	 * the time limit
	 */
	public AddressScanner(Pinger pinger, NeighbourTable neighbours, ExecutorService lookups) {
		this.pinger = pinger;
		this.neighbours = neighbours;
		this.lookups = lookups;
	}

	/**
	 * @param reverseDns whether the name of an address that answered is looked up: off
	 * where a DNS query must not leave the host
	 */
	public AddressScan scan(InetAddress address, List<Integer> ports, Duration timeout, boolean reverseDns) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Integer> open = new ArrayList<>();
		boolean refused = false;
		boolean echo;
		List<SocketChannel> channels = new ArrayList<>();
		try (Selector selector = Selector.open()) {
			for (int port : ports) {
				refused |= startConnect(address, port, selector, channels, open);
			}
			echo = echo(address, timeout);
			refused |= finishConnects(selector, deadline, open);
		}
		catch (IOException ex) {
			echo = false;
		}
		finally {
			channels.forEach(AddressScanner::closeQuietly);
		}
		open.sort(Integer::compareTo);
		AddressScan scan = new AddressScan(address, echo, refused, open, null, null, null);
		if (!scan.answered()) {
			return scan;
		}
		String banner = open.contains(22) ? sshBanner(address, timeout) : null;
		return new AddressScan(address, echo, refused, open, reverseDns ? hostName(address, timeout) : null, banner,
				this.neighbours.macOf(address).orElse(null));
	}

	/**
	 * @return whether the connect was refused at once
	 */
	private static boolean startConnect(InetAddress address, int port, Selector selector, List<SocketChannel> channels,
			List<Integer> open) {
		try {
			SocketChannel channel = SocketChannel.open();
			channels.add(channel);
			channel.configureBlocking(false);
			if (channel.connect(new InetSocketAddress(address, port))) {
				open.add(port);
			}
			else {
				channel.register(selector, SelectionKey.OP_CONNECT, port);
			}
			return false;
		}
		catch (ConnectException ex) {
			return true;
		}
		catch (IOException ex) {
			// No route, network unreachable: nothing at this port.
			return false;
		}
	}

	/**
	 * @return whether a connect was refused
	 */
	private static boolean finishConnects(Selector selector, long deadline, List<Integer> open) throws IOException {
		boolean refused = false;
		// Counted here: a cancelled key stays in keys() until the next select.
		int pending = selector.keys().size();
		while (pending > 0) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				break;
			}
			selector.select(left);
			for (SelectionKey key : selector.selectedKeys()) {
				SocketChannel channel = (SocketChannel) key.channel();
				try {
					if (channel.finishConnect()) {
						open.add((Integer) key.attachment());
					}
				}
				catch (ConnectException ex) {
					refused |= isRefused(ex);
				}
				catch (IOException ex) {
					// Host or network unreachable: nothing there.
				}
				key.cancel();
				pending--;
			}
			selector.selectedKeys().clear();
		}
		return refused;
	}

	private static boolean isRefused(ConnectException ex) {
		return ex.getMessage() == null || ex.getMessage().contains("refused");
	}

	private boolean echo(InetAddress address, Duration timeout) {
		try {
			return this.pinger.answers(address, timeout);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String hostName(InetAddress address, Duration timeout) {
		Future<String> lookup = this.lookups.submit(() -> {
			String name = InetAddress.getByAddress(address.getAddress()).getCanonicalHostName();
			// The JDK answers the address itself when there is no name.
			return name.equals(address.getHostAddress()) ? null : name;
		});
		try {
			return lookup.get(Math.max(timeout.toMillis(), 1000), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			lookup.cancel(true);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The first line the SSH server sends, as {@code SSH-2.0-OpenSSH_9.2p1 Debian-2}. */
	static String sshBanner(InetAddress address, Duration timeout) {
		int millis = (int) Math.max(timeout.toMillis(), 1000);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, 22), millis);
			socket.setSoTimeout(millis);
			InputStream in = socket.getInputStream();
			// Servers may send other lines before the version line (RFC 4253 §4.2).
			for (int line = 0; line < 10; line++) {
				String text = readLine(in);
				if (text == null) {
					return null;
				}
				if (text.startsWith("SSH-")) {
					return text;
				}
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int count = 0; count < MAX_BANNER; count++) {
			int next = in.read();
			if (next < 0) {
				return (line.length() == 0) ? null : line.toString();
			}
			if (next == '\n') {
				break;
			}
			if (next != '\r' && next >= 0x20 && next < 0x7f) {
				line.append((char) next);
			}
		}
		return line.toString();
	}

	private static void closeQuietly(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Closing a probe's socket: nothing to do about it.
		}
	}

}
