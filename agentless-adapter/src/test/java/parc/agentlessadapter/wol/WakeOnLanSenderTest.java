package parc.agentlessadapter.wol;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real UDP listener on loopback receives what the sender sends; nothing leaves
 * 127.0.0.1.
 */
class WakeOnLanSenderTest {

	@Test
	void shouldSendThePacketAsManyTimesAsAsked() throws Exception {
		MagicPacket packet = MagicPacket.of("AA:BB:CC:DD:EE:01", null);
		try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			listener.setSoTimeout(5000);

			new WakeOnLanSender(3, Duration.ofMillis(10)).send(packet,
					new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));

			for (int i = 0; i < 3; i++) {
				DatagramPacket received = new DatagramPacket(new byte[200], 200);
				listener.receive(received);
				assertThat(Arrays.copyOf(received.getData(), received.getLength())).isEqualTo(packet.bytes());
			}
		}
	}

}
