package parc.agentlessadapter.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real sockets on loopback play the SSH server: one that greets, one that says something
 * else, one that accepts and stays silent. A machine that does not answer pings cannot be
 * made on loopback, so that one case uses a pinger that never answers.
 */
class ReachabilityProbeTest {

	private static final Pinger ANSWERS = (address, timeout) -> true;

	private static final Pinger SILENT = (address, timeout) -> false;

	private ServerSocket server;

	@AfterEach
	void stopServer() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void shouldBeGreenWhenSshGreetsEvenAfterOtherLines() throws Exception {
		int port = serve("Welcome to the lab\r\nSSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");

		ProbeResult result = probe(ANSWERS).probe("127.0.0.1", port);

		assertThat(result.light()).isEqualTo(Light.GREEN);
		assertThat(result.sshBanner()).isEqualTo("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
		assertThat(result.detail()).isNull();
	}

	@Test
	void shouldBeGreenWhenPingsAreFilteredButSshAnswers() throws Exception {
		int port = serve("SSH-2.0-Test\r\n");

		assertThat(probe(SILENT).probe("127.0.0.1", port).light()).isEqualTo(Light.GREEN);
	}

	@Test
	void shouldBeOrangeWhenThePortSpeaksSomethingElse() throws Exception {
		int port = serve("220 smtp.example.org ESMTP\r\n");

		ProbeResult result = probe(ANSWERS).probe("127.0.0.1", port);

		assertThat(result.light()).isEqualTo(Light.ORANGE);
		assertThat(result.detail()).contains("not with an SSH banner");
	}

	@Test
	void shouldBeOrangeWithinTheTimeoutWhenTheServerStaysSilent() throws Exception {
		int port = serve(null);

		ProbeResult result = probe(ANSWERS).probe("127.0.0.1", port);

		assertThat(result.light()).isEqualTo(Light.ORANGE);
		assertThat(result.detail()).contains("within 300 ms");
		assertThat(result.took()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void shouldBeOrangeWhenNothingListensOnThePort() throws Exception {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}

		assertThat(probe(Pinger.icmpOrTcpEcho()).probe("127.0.0.1", port).light()).isEqualTo(Light.ORANGE);
	}

	@Test
	void shouldBeRedWhenNeitherPingNorSshAnswers() throws Exception {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}

		ProbeResult result = probe(SILENT).probe("127.0.0.1", port);

		assertThat(result.light()).isEqualTo(Light.RED);
		assertThat(result.detail()).contains("no answer to ping").contains("SSH port " + port);
	}

	private static ReachabilityProbe probe(Pinger pinger) {
		return new ReachabilityProbe(pinger, Duration.ofMillis(300), Duration.ofMillis(300));
	}

	/**
	 * A one-connection server on loopback that writes the greeting (or nothing) and
	 * waits.
	 */
	private int serve(String greeting) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(() -> {
			try (Socket client = this.server.accept()) {
				if (greeting != null) {
					OutputStream out = client.getOutputStream();
					out.write(greeting.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				client.getInputStream().read();
			}
			catch (IOException ex) {
				// The probe hung up: the test is over.
			}
		});
		thread.setDaemon(true);
		thread.start();
		return this.server.getLocalPort();
	}

}
