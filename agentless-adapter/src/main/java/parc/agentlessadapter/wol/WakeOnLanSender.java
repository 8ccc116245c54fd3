package parc.agentlessadapter.wol;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Sends magic packets by UDP to a broadcast address, several times a short while apart:
 * UDP is not acknowledged and a sleeping network card may miss one. Thread-safe; each
 * call opens and closes its own socket.
 */
public final class WakeOnLanSender {

	/** The discard port, the usual one for Wake-on-LAN. */
	public static final int DEFAULT_PORT = 9;

	private final int repeats;

	private final Duration interval;

	/**
	 * @param repeats how many times each packet is sent (at least 1)
	 * @param interval the pause between two sends
	 */
	public WakeOnLanSender(int repeats, Duration interval) {
		if (repeats < 1) {
			throw new IllegalArgumentException("repeats must be at least 1");
		}
		this.repeats = repeats;
		this.interval = interval;
	}

	/**
	 * @param packet what to send
	 * @param target the broadcast address of the target's network (or the target itself)
	 * and the port, usually {@link #DEFAULT_PORT}
	 * @throws WakeOnLanException when the packet cannot be sent, naming the address
	 */
	public void send(MagicPacket packet, InetSocketAddress target) {
		byte[] payload = packet.bytes();
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setBroadcast(true);
			for (int i = 0; i < this.repeats; i++) {
				if (i > 0) {
					Thread.sleep(this.interval.toMillis());
				}
				socket.send(new DatagramPacket(payload, payload.length, target));
			}
		}
		catch (IOException ex) {
			throw new WakeOnLanException(target, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WakeOnLanException(target, ex);
		}
	}

}
