package parc.agentlessadapter.wol;

import java.net.InetSocketAddress;

/** A magic packet could not be sent; the message names the address and port. */
public class WakeOnLanException extends RuntimeException {

	public WakeOnLanException(InetSocketAddress target, Throwable cause) {
		super("Could not send the Wake-on-LAN packet to " + target.getHostString() + ":" + target.getPort() + ": "
				+ cause.getMessage(), cause);
	}

}
