package parc.agentlessadapter.wol;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our magic packet, byte for byte against Debian's {@code wakeonlan} tool, both captured
 * by a UDP listener on 127.0.0.1 (issue #5, must-show 3).
 */
class WakeOnLanIT {

	private static final Path WAKEONLAN = Path.of("/usr/bin/wakeonlan");

	@Test
	void shouldSendTheSameBytesAsDebiansWakeonlan() throws Exception {
		assertThat(WAKEONLAN).as("Debian's wakeonlan: run scripts/install-test-packages.sh").isExecutable();
		String mac = "00:1A:2B:3C:4D:5E";
		try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			listener.setSoTimeout(10_000);
			int port = listener.getLocalPort();

			Process tool = new ProcessBuilder(WAKEONLAN.toString(), "-i", "127.0.0.1", "-p", String.valueOf(port), mac)
				.redirectErrorStream(true)
				.start();
			assertThat(tool.waitFor(10, TimeUnit.SECONDS)).isTrue();
			byte[] theirs = receive(listener);

			new WakeOnLanSender(1, Duration.ZERO).send(MagicPacket.of(mac, null),
					new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			byte[] ours = receive(listener);

			assertThat(theirs).hasSize(102);
			assertThat(ours).isEqualTo(theirs);
		}
	}

	private static byte[] receive(DatagramSocket listener) throws Exception {
		DatagramPacket packet = new DatagramPacket(new byte[512], 512);
		listener.receive(packet);
		return Arrays.copyOf(packet.getData(), packet.getLength());
	}

}
