package parc.agentlessadapter.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Draws a machine's status light: a ping, then the SSH server's banner (RFC 4253 §4.2:
 * the server sends {@code SSH-protoversion-softwareversion} first), each bounded in time.
 * An SSH server that answers makes the light green even when pings are filtered.
 * Thread-safe.
 */
public final class ReachabilityProbe {

	/** RFC 4253 §4.2: the identification line is at most 255 characters. */
	private static final int MAX_BANNER = 255;

	private static final int MAX_LINES = 5;

	private final Pinger pinger;

	private final Duration pingTimeout;

	private final Duration sshTimeout;

	/**
	 * @param pinger the network-level probe
	 * @param pingTimeout how long to wait for the ping
	 * @param sshTimeout how long to wait for the TCP connection, then for the banner
	 */
	public ReachabilityProbe(Pinger pinger, Duration pingTimeout, Duration sshTimeout) {
		this.pinger = pinger;
		this.pingTimeout = pingTimeout;
		this.sshTimeout = sshTimeout;
	}

	/**
	 * Never throws for an unreachable or misbehaving machine: that is a red or orange
	 * light.
	 */
	public ProbeResult probe(String host, int sshPort) {
		long start = System.nanoTime();
		InetAddress address;
		try {
			address = InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			return new ProbeResult(Light.RED, false, null, since(start), "Unknown host " + host);
		}
		boolean pinged;
		String pingProblem = null;
		try {
			pinged = this.pinger.answers(address, this.pingTimeout);
		}
		catch (IOException ex) {
			pinged = false;
			pingProblem = ex.getMessage();
		}
		String banner;
		String sshProblem;
		try {
			banner = banner(new InetSocketAddress(address, sshPort));
			sshProblem = (banner == null) ? "port " + sshPort + " answers, but not with an SSH banner" : null;
		}
		catch (SocketTimeoutException ex) {
			banner = null;
			sshProblem = "no SSH answer on port " + sshPort + " within " + this.sshTimeout.toMillis() + " ms";
		}
		catch (IOException ex) {
			banner = null;
			sshProblem = "SSH port " + sshPort + ": " + ex.getMessage();
		}
		if (banner != null) {
			return new ProbeResult(Light.GREEN, pinged, banner, since(start), null);
		}
		if (pinged) {
			return new ProbeResult(Light.ORANGE, true, null, since(start), sshProblem);
		}
		String why = "no answer to ping" + ((pingProblem != null) ? " (" + pingProblem + ")" : "") + "; " + sshProblem;
		return new ProbeResult(Light.RED, false, null, since(start), why);
	}

	/**
	 * The server's identification line, or null when what it sends is not SSH. RFC 4253
	 * §4.2 lets a server send other lines first: up to {@link #MAX_LINES} are read. The
	 * whole read is bounded by the SSH timeout, so a server that trickles bytes cannot
	 * hold the probe.
	 */
	private String banner(InetSocketAddress target) throws IOException {
		long deadline = System.nanoTime() + this.sshTimeout.toNanos();
		try (Socket socket = new Socket()) {
			socket.connect(target, (int) Math.max(1, this.sshTimeout.toMillis()));
			InputStream in = socket.getInputStream();
			for (int lines = 0; lines < MAX_LINES; lines++) {
				String line;
				try {
					line = readLine(socket, in, deadline);
				}
				catch (SocketTimeoutException ex) {
					if (lines == 0) {
						throw ex;
					}
					// It said something, then nothing that is SSH.
					return null;
				}
				if (line == null) {
					return null;
				}
				if (line.startsWith("SSH-")) {
					return line;
				}
			}
			return null;
		}
	}

	private static String readLine(Socket socket, InputStream in, long deadline) throws IOException {
		StringBuilder line = new StringBuilder();
		while (line.length() < MAX_BANNER) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new SocketTimeoutException("banner not complete in time");
			}
			socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
			int b = in.read();
			if (b == -1) {
				return (line.length() > 0) ? line.toString() : null;
			}
			if (b == '\n') {
				return line.toString();
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
